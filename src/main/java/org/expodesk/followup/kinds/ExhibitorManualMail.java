package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.followup.manual.ExhibitorManuals;
import org.expodesk.mail.MailKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The exhibitor manual and the deadlines still ahead, to the contact of every approved exhibitor of
 * the edition: what they need to prepare their stand.
 */
@ApplicationScoped
public class ExhibitorManualMail implements RuleKind {

    @Inject
    ApprovedExhibitors exhibitors;

    @Inject
    ExhibitorManuals manuals;

    @Override
    public String key() {
        return "exhibitor-manual";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.person("Mary Smith", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("manualUrl", "https://expo.example.com/manual.pdf");
        data.put("deadlines", List.of(new MailData.Line("Booth staff names", "2027-05-14", "", false),
                new MailData.Line("Stand design", "2027-05-21", "", false)));
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        ExhibitorManuals.Manual manual = manuals.of(exhibition.id);
        Map<String, Object> extra = Map.of("manualUrl", manual.url() == null ? "" : manual.url(),
                "deadlines", manual.upcoming(day).stream()
                        .map(d -> new MailData.Line(d.title, d.dueOn.toString(), "", false)).toList());
        return exhibitors.of(exhibition.id).stream().flatMap(a -> exhibitors.of(a, exhibition, extra, null).stream())
                .toList();
    }
}
