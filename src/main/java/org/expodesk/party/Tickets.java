package org.expodesk.party;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserService;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Service feedback tickets: raised, assigned, worked through their statuses to a resolution. */
@ApplicationScoped
@Transactional
public class Tickets {

    @Inject
    Clock clock;

    @Inject
    Contacts contacts;

    @Inject
    UserService users;

    public Ticket raise(PartyRef party, Long exhibitionId, String kind, String priority, String summary,
                        String description, String raisedBy) {
        List<FieldError> errors = new ArrayList<>();
        Ticket t = new Ticket();
        Contacts.Owners owners = contacts.owners(party);
        t.organizationId = owners.organizationId();
        t.personId = owners.personId();
        t.exhibitionId = exhibitionId;
        t.kind = Contacts.parse(TicketKind.class, kind, "kind", errors);
        t.priority = priority == null || priority.isBlank() ? TicketPriority.NORMAL
                : Contacts.parse(TicketPriority.class, priority, "priority", errors);
        t.summary = FieldChecks.text(summary, "summary", 500, true, errors);
        t.description = FieldChecks.text(description, "description", 20_000, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        t.createdAt = Instant.now(clock);
        t.slaDueAt = t.createdAt.plus(t.priority.sla);
        t.raisedBy = raisedBy;
        t.persist();
        return t;
    }

    /** Moves a ticket on; resolving needs the resolution. 409 names the statuses open from here. */
    public Ticket move(long ticketId, String status, String resolution, String assignee) {
        Ticket t = get(ticketId);
        if (t.status == TicketStatus.CLOSED) {
            throw ProblemException.conflict("party_ticketClosed");
        }
        List<FieldError> errors = new ArrayList<>();
        if (resolution != null && resolution.length() > 2000) {
            errors.add(new FieldError("resolution", "field_tooLong"));
        }
        if (assignee != null && !assignee.isBlank()) {
            t.assigneeId = users.findStaff(assignee).map(u -> u.id).orElseGet(() -> {
                errors.add(new FieldError("assignee", "task_unknownStaff"));
                return null;
            });
        }
        if (status != null && !status.isBlank()) {
            TicketStatus next = Contacts.parse(TicketStatus.class, status, "status", errors);
            if (next != null && next != t.status) {
                if (!t.status.next().contains(next)) {
                    throw new ProblemException(Problem.of(ProblemType.CONFLICT,
                            "A " + t.status + " ticket cannot become " + next)
                            .withAllowed(t.status.next().stream().map(Enum::name).toList()));
                }
                boolean ending = next == TicketStatus.RESOLVED || next == TicketStatus.CLOSED;
                boolean explained = (resolution != null && !resolution.isBlank()) || t.resolution != null;
                if (ending && !explained) {
                    errors.add(new FieldError("resolution", "party_resolutionRequired"));
                }
                t.status = next;
            }
        }
        if (resolution != null && !resolution.isBlank()) {
            t.resolution = resolution.trim();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Ticket get(long id) {
        Ticket t = Ticket.findById(id);
        if (t == null) {
            throw ProblemException.notFound("Ticket");
        }
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ticket> of(long organizationId) {
        return Ticket.list("organizationId", Sort.descending("id"), organizationId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ticket> ofPerson(long personId) {
        return Ticket.list("personId", Sort.descending("id"), personId);
    }
}
