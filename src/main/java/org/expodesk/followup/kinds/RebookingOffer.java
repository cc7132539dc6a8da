package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The offer to book again, to the people of last edition's exhibitors that have not booked this one;
 * a person whose latest marketing consent is withdrawn is counted, not mailed.
 */
@ApplicationScoped
public class RebookingOffer implements RuleKind {

    @Inject
    LapsedExhibitors lapsed;

    @Inject
    EditionExhibitors exhibitors;

    @Inject
    Consents consents;

    @Override
    public String key() {
        return "rebooking-offer";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.MARKETING;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.person("Mary Smith", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("lastExhibition", "Sample Expo 2026");
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        return lapsed.of(exhibition).map(l -> {
            Map<Long, String> names = l.organizations().stream().collect(Collectors.toMap(o -> o.id, o -> o.name));
            List<Person> people = exhibitors.peopleOf(l.organizations().stream().map(o -> o.id).toList());
            return MailData.people(people, names, exhibition, Map.of("lastExhibition", l.previous().name),
                    consents.refusing(Consent.Purpose.MARKETING, people.stream().map(p -> p.id).toList()));
        }).orElse(List.of());
    }
}
