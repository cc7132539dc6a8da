package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.checkin.Attendance;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind.Recipient;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The registered visitors of an edition split by whether a gate ever admitted them (check-in). */
@ApplicationScoped
class VisitorAttendance {

    @Inject
    EditionExhibitors parties;

    @Inject
    Attendance attendance;

    /** The visitors who came ({@code came}) or who never did. */
    List<Person> visitors(long exhibitionId, boolean came) {
        Set<Long> admitted = attendance.admittedPeople(exhibitionId);
        return parties.visitors(exhibitionId).stream().filter(p -> admitted.contains(p.id) == came).toList();
    }

    /** Ids of the registered visitors who never came. */
    Set<Long> absent(long exhibitionId) {
        return visitors(exhibitionId, false).stream().map(p -> p.id).collect(Collectors.toSet());
    }

    List<Recipient> recipients(List<Person> people, Exhibition exhibition, Set<Long> refusing) {
        return MailData.people(people, parties.organizationNames(
                        people.stream().map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList()),
                exhibition, java.util.Map.of(), refusing);
    }
}
