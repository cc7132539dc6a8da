package org.expodesk.ops.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.OutboxMail;
import org.expodesk.mail.OutboxQuery;
import org.expodesk.mail.Suppression;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.QueryParams;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The outbox and the suppression list for staff tools: what was sent, what waits, what failed. */
public final class OutboxResource {

    private OutboxResource() {
    }

    public record MailView(long id, String key, String purpose, Long exhibitionId, String kind, String recipient,
                           String language, String subject, String status, int attempts, Instant nextAttemptAt,
                           String lastError, Instant createdAt, Instant sentAt) {
        static MailView of(OutboxMail m) {
            return new MailView(m.id, m.mailKey, m.purpose, m.exhibitionId, m.kind.name(), m.recipient, m.language,
                    m.subject, m.status.name(), m.attempts, m.nextAttemptAt, m.lastError, m.createdAt, m.sentAt);
        }
    }

    /** {@code text} and {@code html} are null when {@code privateLinks}: the mail holds a link that works for whoever reads it. */
    public record MailDetail(MailView mail, String text, String html, boolean privateLinks) {
    }

    public record Mails(List<MailView> items, long total, Map<MailStatus, Long> byStatus) {
    }

    public record SuppressionView(String address, String reason, String detail, Instant createdAt) {
        static SuppressionView of(Suppression s) {
            return new SuppressionView(s.address, s.reason.name(), s.detail, s.createdAt);
        }
    }

    public record Suppressions(List<SuppressionView> items, long total) {
    }

    public record Block(@NotBlank @Email @Size(max = 320) String address, @Size(max = 500) String detail) {
    }

    @Path("/api/mail/outbox")
    @RolesAllowed(Roles.STAFF)
    @Produces(MediaType.APPLICATION_JSON)
    public static class Outbox {

        @Inject
        OutboxQuery query;

        @Inject
        MailOperations operations;

        @GET
        public Mails list(@QueryParam("status") String status, @QueryParam("recipient") String recipient,
                          @QueryParam("purpose") String purpose, @QueryParam("exhibitionId") Long exhibitionId,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
            OutboxQuery.Result result = query.find(new OutboxQuery.Filter(status(status), recipient, purpose, exhibitionId),
                    QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE), QueryParams.integer(size, "size", 50, 1, 200));
            return new Mails(result.items().stream().map(MailView::of).toList(), result.total(),
                    query.countsByStatus(purpose == null || purpose.isBlank() ? null : purpose.strip()));
        }

        @GET
        @Path("/{id}")
        public MailDetail one(@PathParam("id") long id) {
            OutboxMail mail = operations.mail(id);
            return mail.privateLinks ? new MailDetail(MailView.of(mail), null, null, true)
                    : new MailDetail(MailView.of(mail), mail.textBody, mail.htmlBody, false);
        }

        /** Puts a FAILED, BOUNCED, UNCERTAIN or SUPPRESSED mail back in line; 409 for any other. */
        @POST
        @Path("/{id}/resend")
        public MailView resend(@PathParam("id") long id) {
            return MailView.of(operations.resend(id));
        }

        private static MailStatus status(String status) {
            try {
                return MailStatus.parse(status).orElse(null);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "mail_statusUnknown");
            }
        }
    }

    @Path("/api/mail/suppressions")
    @RolesAllowed(Roles.STAFF)
    @Produces(MediaType.APPLICATION_JSON)
    public static class SuppressionList {

        @Inject
        OutboxQuery query;

        @Inject
        MailOperations operations;

        @GET
        public Suppressions list(@QueryParam("page") String page) {
            return new Suppressions(query.suppressions(QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE), 100)
                    .stream().map(SuppressionView::of).toList(), query.suppressionCount());
        }

        /** Stops all mail to an address (reason BLOCKED). */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response block(@NotNull @Valid Block block) {
            return Response.status(Response.Status.CREATED)
                    .entity(SuppressionView.of(operations.block(block.address(), block.detail()))).build();
        }

        @DELETE
        @Path("/{address}")
        public Response lift(@PathParam("address") String address) {
            operations.lift(address);
            return Response.noContent().build();
        }
    }
}
