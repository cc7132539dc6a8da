package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
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
        return MailData.person("Mary Smith", "Sample Trading Ltd.", MailData.sampleEdition());
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        List<Person> people = exhibitors.people(exhibition.id);
        Map<Long, String> names = exhibitors.organizationNames(
                people.stream().map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList());
        return MailData.people(people, names, exhibition, Map.of(), java.util.Set.of());
    }
}
