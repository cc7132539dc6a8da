package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.followup.manual.ExhibitorDeadline;
import org.expodesk.followup.manual.ExhibitorManuals;
import org.expodesk.mail.MailKind;
import org.expodesk.registration.exhibitor.ExhibitorApplication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reminder of each exhibitor deadline to the contact of every approved exhibitor, once per
 * deadline: it checks every day and reminds of the deadlines within
 * {@code expodesk.followup.exhibitor-deadline-days} (7) not yet reminded, so a day the application
 * was down, or a deadline added late, still gets its one reminder.
 */
@ApplicationScoped
public class ExhibitorDeadlineReminder implements RuleKind {

    @Inject
    ApprovedExhibitors exhibitors;

    @Inject
    ExhibitorManuals manuals;

    @ConfigProperty(name = "expodesk.followup.exhibitor-deadline-days", defaultValue = "7")
    int withinDays;

    @Override
    public String key() {
        return "exhibitor-deadline-reminder";
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
        Map<String, Object> data = MailData.person("Mary Smith", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("deadline", "Booth staff names");
        data.put("dueOn", "2027-05-14");
        data.put("manualUrl", "https://expo.example.com/manual.pdf");
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        ExhibitorManuals.Manual manual = manuals.of(exhibition.id);
        List<ExhibitorDeadline> near = manual.upcoming(day).stream()
                .filter(d -> !d.dueOn.isAfter(day.plusDays(withinDays))).toList();
        if (near.isEmpty()) {
            return List.of();
        }
        List<ExhibitorApplication> approved = exhibitors.of(exhibition.id);
        List<Recipient> recipients = new ArrayList<>();
        for (ExhibitorDeadline d : near) {
            Map<String, Object> extra = Map.of("deadline", d.title, "dueOn", d.dueOn.toString(),
                    "manualUrl", manual.url() == null ? "" : manual.url());
            for (ExhibitorApplication a : approved) {
                recipients.addAll(exhibitors.of(a, exhibition, extra, "deadline-" + d.id));
            }
        }
        return recipients;
    }
}
