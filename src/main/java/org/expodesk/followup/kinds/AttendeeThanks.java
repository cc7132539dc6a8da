package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.checkin.Attendance;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Thanks to the registered visitors, buyers and press who came: admitted at a gate at least once. */
@ApplicationScoped
public class AttendeeThanks implements RuleKind {

    @Inject
    EditionExhibitors parties;

    @Inject
    Attendance attendance;

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
        Set<Long> came = attendance.admittedPeople(exhibition.id);
        List<Person> people = parties.visitors(exhibition.id).stream().filter(p -> came.contains(p.id)).toList();
        return MailData.people(people, parties.organizationNames(
                people.stream().map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList()),
                exhibition, Map.of(), Set.of());
    }
}
