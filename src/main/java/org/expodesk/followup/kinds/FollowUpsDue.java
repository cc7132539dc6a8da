package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.party.Ticket;
import org.expodesk.party.followup.FollowUps;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A daily digest to each staff member with something due: their follow-ups due today or overdue
 * and their service tickets past SLA. Follow-ups belong to no edition, so one such rule is enough.
 */
@ApplicationScoped
public class FollowUpsDue implements RuleKind {

    @Inject
    UserService users;

    @Inject
    FollowUps followUps;

    @Inject
    Links links;

    @Override
    public String key() {
        return "followups-due";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public boolean daily() {
        return true;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.edition(MailData.sampleEdition());
        data.put("name", "Li Wei");
        data.put("followUps", List.of(new MailData.Line("Call back about booth size · Sample Trading Ltd.", "2027-03-01",
                links.to("/customers/organizations/1"), true)));
        data.put("tickets", List.of(new MailData.Line("Badge misprinted", "2027-03-01T09:00:00Z",
                links.to("/customers/organizations/1"), true)));
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        List<Recipient> recipients = new ArrayList<>();
        for (UserAccount staff : users.staff()) {
            List<MailData.Line> due = followUps.openOf(staff.id).stream()
                    .filter(f -> f.due() != FollowUps.Due.UPCOMING)
                    .map(f -> new MailData.Line(f.interaction().summary + " · " + f.partyName(),
                            f.interaction().followUpOn.toString(), links.to(f.partyPath()), f.due() == FollowUps.Due.OVERDUE))
                    .toList();
            List<MailData.Line> tickets = followUps.overdueTicketsOf(staff.id).stream().map(this::line).toList();
            if (due.isEmpty() && tickets.isEmpty()) {
                continue;
            }
            Map<String, Object> data = MailData.edition(exhibition);
            data.put("name", staff.displayName);
            data.put("followUps", due);
            data.put("tickets", tickets);
            recipients.add(new Recipient(MailData.blankToNull(staff.email), Recipient.languageOf(staff.locale), data));
        }
        return recipients;
    }

    private MailData.Line line(Ticket t) {
        String path = t.organizationId != null ? "/customers/organizations/" + t.organizationId
                : t.personId != null ? "/customers/people/" + t.personId : "/";
        return new MailData.Line(t.summary, t.slaDueAt.atOffset(ZoneOffset.UTC).toLocalDate().toString(), links.to(path), true);
    }
}
