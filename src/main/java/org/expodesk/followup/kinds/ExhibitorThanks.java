package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.leads.LeadCounts;
import org.expodesk.mail.MailKind;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Thanks to the people of the edition's exhibitors after the show. Their lead count and the export
 * link join the data when leads exist (docs/followup.md).
 */
@ApplicationScoped
public class ExhibitorThanks implements RuleKind {

    @Inject
    EditionExhibitors exhibitors;

    @Inject
    LeadCounts leads;

    @Inject
    Links links;

    @Override
    public String key() {
        return "exhibitor-thanks";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.person("Mary Smith", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("leads", 12);
        data.put("exportUrl", "https://expo.example/portal/leads/1");
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        List<Person> people = exhibitors.people(exhibition.id);
        Map<Long, String> names = exhibitors.organizationNames(
                people.stream().map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList());
        List<Recipient> recipients = MailData.people(people, names, exhibition, Map.of(), java.util.Set.of());
        // each organization's own lead count, and where its people export the leads (signed in)
        Map<Long, Long> counts = leads.leadCounts(exhibition.id);
        String exportUrl = links.to("/portal/leads/" + exhibition.id);
        for (int i = 0; i < recipients.size(); i++) {
            Long organization = people.get(i).organizationId;
            recipients.get(i).data().put("leads", organization == null ? 0L : counts.getOrDefault(organization, 0L));
            recipients.get(i).data().put("exportUrl", exportUrl);
        }
        return recipients;
    }
}
