package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Thanks to the registered visitors, buyers and press who came: admitted at a gate at least once. */
@ApplicationScoped
public class AttendeeThanks implements RuleKind {

    @Inject
    VisitorAttendance visitors;

    @Override
    public String key() {
        return "attendee-thanks";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public Map<String, Object> sampleData() {
        return MailData.person("Li Ming", "Sample Trading Ltd.", MailData.sampleEdition());
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        return visitors.recipients(visitors.visitors(exhibition.id, true), exhibition, Set.of());
    }
}
