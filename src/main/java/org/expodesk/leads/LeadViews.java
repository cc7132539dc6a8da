package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.badge.Badge;
import org.expodesk.badge.Badges;
import org.expodesk.party.Organizations;
import org.expodesk.party.People;
import org.expodesk.party.Person;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Leads as their exhibitor sees them, following each visitor's consent when read (docs/leads.md). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LeadViews {

    @Inject
    Leads leads;

    @Inject
    LeadQuestions questions;

    @Inject
    VisitorConsent consent;

    @Inject
    Badges badges;

    @Inject
    People people;

    @Inject
    Organizations organizations;

    public LeadView of(Lead lead) {
        return of(List.of(lead)).get(0);
    }

    public List<LeadView> of(List<Lead> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Lead first = list.get(0);
        Map<Long, LeadQuestion> asked = questions.of(first.organizationId, first.exhibitionId).stream()
                .collect(Collectors.toMap(q -> q.id, Function.identity()));
        List<LeadView> views = new ArrayList<>(list.size());
        for (Lead lead : list) {
            Badge badge = badges.find(lead.badgeId).orElseThrow();
            List<LeadView.Answer> answers = new ArrayList<>();
            leads.answersOf(lead).forEach((id, text) -> {
                LeadQuestion q = asked.get(id);
                if (q != null) {
                    answers.add(new LeadView.Answer(id, q.label, text));
                }
            });
            answers.sort(java.util.Comparator.comparingInt(a -> asked.get(a.questionId()).position));
            boolean shares = consent.sharesWithExhibitors(lead.personId);
            String name = null, organization = null, jobTitle = null, email = null, phone = null;
            if (shares) {
                Person p = people.get(lead.personId);
                name = p.displayName();
                jobTitle = p.jobTitle;
                email = p.email;
                phone = p.phone;
                organization = p.organizationId == null ? badge.organizationName : organizations.get(p.organizationId).name;
            }
            views.add(new LeadView(lead.id, lead.version, lead.exhibitionId, lead.badgeId, lead.categoryCode,
                    badge.categoryLabel, shares, name, organization, jobTitle, email, phone, lead.rating, lead.notes,
                    lead.tags, answers, lead.firstScannedAt, lead.lastScannedAt, lead.scannedBy));
        }
        return views;
    }
}
