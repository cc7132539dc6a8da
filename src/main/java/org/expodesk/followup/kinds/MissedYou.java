package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "Sorry we missed you" to those who registered to visit and were never admitted. It invites them
 * to the next edition, so it is marketing: an unsubscribe link, and no mail to those who refused.
 */
@ApplicationScoped
public class MissedYou implements RuleKind {

    @Inject
    VisitorAttendance visitors;

    @Inject
    Consents consents;

    @Override
    public String key() {
        return "missed-you";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.MARKETING;
    }

    @Override
    public Map<String, Object> sampleData() {
        return MailData.person("Li Ming", "Sample Trading Ltd.", MailData.sampleEdition());
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        List<Person> missed = visitors.visitors(exhibition.id, false);
        return visitors.recipients(missed, exhibition,
                consents.refusing(Consent.Purpose.MARKETING, missed.stream().map(p -> p.id).toList()));
    }
}
