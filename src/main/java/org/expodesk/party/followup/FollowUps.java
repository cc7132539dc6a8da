package org.expodesk.party.followup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.Interaction;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.Ticket;
import org.expodesk.party.TicketStatus;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A staff member's open follow-ups and overdue service tickets; marking follow-ups done or re-dating them. */
@ApplicationScoped
@Transactional
public class FollowUps {

    @Inject
    Clock clock;

    public enum Due { OVERDUE, TODAY, UPCOMING }

    /** An open follow-up with whom it is about. */
    public record FollowUp(Interaction interaction, Due due, String partyName, String partyPath) {
    }

    /** Open follow-ups of a staff member: overdue first, then today's, then upcoming, each by date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowUp> openOf(long staffId) {
        LocalDate today = LocalDate.now(clock);
        List<Interaction> open = Interaction.list("staffId = ?1 and followUpDone = false and followUpOn is not null",
                Sort.ascending("followUpOn", "id"), staffId);
        List<Long> organizationIds = open.stream().map(i -> i.organizationId).filter(Objects::nonNull).distinct().toList();
        List<Long> personIds = open.stream().map(i -> i.personId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Organization> organizations = byId(organizationIds.isEmpty() ? List.of()
                : Organization.<Organization>list("id in ?1", organizationIds), o -> o.id);
        Map<Long, Person> people = byId(personIds.isEmpty() ? List.of()
                : Person.<Person>list("id in ?1", personIds), p -> p.id);
        return open.stream().map(i -> {
            Due due = i.followUpOn.isBefore(today) ? Due.OVERDUE : i.followUpOn.isEqual(today) ? Due.TODAY : Due.UPCOMING;
            if (i.personId != null && people.containsKey(i.personId)) {
                Person p = people.get(i.personId);
                Organization o = i.organizationId == null ? null : organizations.get(i.organizationId);
                return new FollowUp(i, due, p.displayName() + (o == null ? "" : " · " + o.name),
                        "/customers/people/" + p.id);
            }
            Organization o = organizations.get(i.organizationId);
            return new FollowUp(i, due, o == null ? "" : o.name, "/customers/organizations/" + i.organizationId);
        }).toList();
    }

    /** Tickets assigned to the staff member, neither resolved nor closed, past their SLA due time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ticket> overdueTicketsOf(long staffId) {
        return Ticket.list("assigneeId = ?1 and status not in ?2 and slaDueAt < ?3", Sort.ascending("slaDueAt"),
                staffId, List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED), Instant.now(clock));
    }

    /**
     * Marks a follow-up done (or open again) and/or moves it to another day. Only the staff member
     * it belongs to, or an admin, may: for anyone else it is not found.
     */
    public Interaction change(long interactionId, Boolean done, LocalDate on, long staffId, boolean admin) {
        Interaction i = Interaction.findById(interactionId);
        if (i == null || !(admin || Objects.equals(i.staffId, staffId))) {
            throw ProblemException.notFound("Interaction");
        }
        if (done == null && on == null) {
            throw ProblemException.invalid("done", "party_followUpNothing");
        }
        if (on != null) {
            i.followUpOn = on;
        }
        if (done != null) {
            if (i.followUpOn == null) {
                throw ProblemException.invalid("on", "party_followUpNoDate");
            }
            i.followUpDone = done;
        }
        return i;
    }

    private static <T> Map<Long, T> byId(List<T> found, Function<T, Long> id) {
        return found.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
