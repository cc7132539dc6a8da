package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.registration.exhibitor.BoothStaffRoster;
import org.expodesk.registration.exhibitor.ExhibitorApplication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Name your booth staff" to the contact of every approved exhibitor that has named fewer booth
 * staff than its staff-badge quota (or none), with the portal's address.
 */
@ApplicationScoped
public class BoothStaffReminder implements RuleKind {

    @Inject
    ApprovedExhibitors exhibitors;

    @Inject
    BoothStaffRoster roster;

    @Inject
    Links links;

    @Override
    public String key() {
        return "booth-staff-reminder";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.person("Mary Smith", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("named", 1);
        data.put("quota", 4);
        data.put("portalUrl", links.to("/portal"));
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        List<Recipient> recipients = new ArrayList<>();
        for (ExhibitorApplication a : exhibitors.of(exhibition.id)) {
            BoothStaffRoster.Quota quota = roster.quota(a);
            if (quota.used() < quota.quota()) {
                recipients.addAll(exhibitors.of(a, exhibition, Map.of("named", quota.used(), "quota", quota.quota(),
                        "portalUrl", links.to("/portal")), null));
            }
        }
        return recipients;
    }
}
