package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.mail.Outbox;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;
import org.expodesk.registration.Invitation;
import org.expodesk.registration.Registration;
import org.expodesk.registration.RegistrationCategory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Before the show, a reminder to the people invited personally to this edition (an invitation code
 * mailed to a segment, docs/registration.md) who have not registered yet, with their code in the
 * link. Marketing, as the invitation itself was: an unsubscribe link, and those whose latest
 * marketing consent is withdrawn are counted, not mailed. The link carries the code: a private link.
 */
@ApplicationScoped
public class InvitationReminder implements RuleKind {

    @Inject
    EditionExhibitors parties;

    @Inject
    Consents consents;

    @Inject
    Outbox outbox;

    @Override
    public String key() {
        return "invitation-reminder";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.MARKETING;
    }

    @Override
    public boolean privateLinks() {
        return true;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.person("Li Ming", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("category", "VIP");
        data.put("registerUrl", "https://expo.example.com/register/SAMPLE27?invitation=K7PQ2MWX9R");
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        Set<Long> registered = new HashSet<>(Registration.getEntityManager().createQuery(
                        "select r.personId from Registration r where r.exhibitionId = ?1", Long.class)
                .setParameter(1, exhibition.id).getResultList());
        List<Invitation> open = Invitation.<Invitation>list("exhibitionId = ?1 and personId is not null"
                + " and uses < usesAllowed order by id", exhibition.id).stream()
                .filter(i -> !registered.contains(i.personId)).toList();
        Map<Long, Person> people = new HashMap<>();
        for (Invitation i : open) {
            people.computeIfAbsent(i.personId, id -> Person.findById(id));
        }
        Map<Long, String> organizations = parties.organizationNames(people.values().stream().filter(Objects::nonNull)
                .map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList());
        Set<Long> refusing = consents.refusing(Consent.Purpose.MARKETING, List.copyOf(people.keySet()));
        Map<Long, RegistrationCategory> categories = new HashMap<>();
        List<Recipient> recipients = new ArrayList<>();
        Set<Long> mailed = new HashSet<>();
        for (Invitation invitation : open) {
            Person person = people.get(invitation.personId);
            // one reminder per person, with their first open code, however many categories they were invited to
            if (person == null || person.mergedInto != null || !mailed.add(person.id)) {
                continue;
            }
            RegistrationCategory category = categories.computeIfAbsent(invitation.categoryId,
                    id -> RegistrationCategory.findById(id));
            Map<String, Object> data = MailData.person(person.displayName(), organizations.get(person.organizationId),
                    exhibition);
            java.util.Locale language = Recipient.languageOf(person.language);
            data.put("category", category.label(language));
            data.put("registerUrl", outbox.publicLink("/register/" + URLEncoder.encode(exhibition.code,
                    StandardCharsets.UTF_8) + "?invitation=" + invitation.code));
            recipients.add(new Recipient(MailData.blankToNull(person.email), language, data,
                    refusing.contains(person.id)));
        }
        return recipients;
    }
}
