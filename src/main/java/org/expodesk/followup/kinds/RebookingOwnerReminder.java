package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.party.Organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * To each account owner of last edition's exhibitors that have not booked this one: one mail listing
 * their organizations, so they call before the offer is forgotten.
 */
@ApplicationScoped
public class RebookingOwnerReminder implements RuleKind {

    @Inject
    LapsedExhibitors lapsed;

    @Inject
    UserService users;

    @Inject
    Links links;

    @Override
    public String key() {
        return "rebooking-owner-reminder";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.edition(MailData.sampleEdition());
        data.put("name", "Li Wei");
        data.put("lastExhibition", "Sample Expo 2026");
        data.put("organizations", List.of(new MailData.Line("Sample Trading Ltd.", "", links.to("/customers/organizations/1"), false)));
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        return lapsed.of(exhibition).map(l -> {
            Map<Long, List<Organization>> byOwner = l.organizations().stream().filter(o -> o.ownerId != null)
                    .collect(Collectors.groupingBy(o -> o.ownerId, TreeMap::new, Collectors.toList()));
            List<Recipient> recipients = new ArrayList<>();
            byOwner.forEach((ownerId, organizations) -> {
                UserAccount owner = users.get(ownerId);
                if (!owner.enabled) {
                    return;
                }
                Map<String, Object> data = MailData.edition(exhibition);
                data.put("name", owner.displayName);
                data.put("lastExhibition", l.previous().name);
                data.put("organizations", organizations.stream().map(o -> new MailData.Line(o.name, "",
                        links.to("/customers/organizations/" + o.id), false)).toList());
                recipients.add(new Recipient(MailData.blankToNull(owner.email), Recipient.languageOf(owner.locale), data));
            });
            return recipients;
        }).orElse(List.of());
    }
}
