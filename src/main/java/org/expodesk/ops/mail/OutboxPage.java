package org.expodesk.ops.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.Outbox;
import org.expodesk.mail.OutboxMail;
import org.expodesk.mail.OutboxQuery;
import org.expodesk.mail.Suppression;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.QueryParams;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The outbox for staff: every mail with its status, the failed ones sent again, the suppression list. */
@Path("/admin/mail")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class OutboxPage {

    private static final int PAGE_SIZE = 50;

    public record Filter(String status, String recipient) {
        public String query() {
            return "status=" + encode(status) + "&recipient=" + encode(recipient);
        }

        private static String encode(String value) {
            return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outbox(Filter filter, List<MailStatus> statuses, Map<MailStatus, Long> counts,
                                              List<OutboxMail> mails, long total, int page, int pages,
                                              List<Suppression> suppressions, long suppressionTotal,
                                              String blockAddress, FormErrors errors);

        static native TemplateInstance mail(OutboxMail mail);
    }

    @Inject
    OutboxQuery query;

    @Inject
    MailOperations operations;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("recipient") String recipient,
                                 @QueryParam("page") String page) {
        return page(new Filter(status, recipient), QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE), null,
                new FormErrors(locale.get()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance mail(@PathParam("id") long id) {
        return Templates.mail(operations.mail(id));
    }

    @POST
    @Path("/{id}/resend")
    public Response resend(@PathParam("id") long id) {
        try {
            operations.resend(id);
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Pages.redirectWithFlash("/admin/mail", "mail_resendNotPossible");
        }
        return Pages.redirectWithFlash("/admin/mail", "mail_resent");
    }

    @POST
    @Path("/suppressions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response block(@RestForm String address, @RestForm String detail) {
        FormErrors errors = new FormErrors(locale.get());
        String trimmed = address == null ? "" : address.strip();
        if (!Outbox.isAddress(trimmed)) {
            errors.add("address", "mail_addressInvalid");
        }
        if (detail != null && detail.length() > 500) {
            errors.add("detail", "mail_detailTooLong");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(new Filter(null, null), 0, address, errors)).build();
        }
        operations.block(trimmed, detail);
        return Pages.redirectWithFlash("/admin/mail", "mail_blocked");
    }

    @POST
    @Path("/suppressions/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@RestForm String address) {
        operations.lift(address);
        return Pages.redirectWithFlash("/admin/mail", "mail_lifted");
    }

    private TemplateInstance page(Filter filter, int page, String blockAddress, FormErrors errors) {
        MailStatus status = status(filter.status());
        OutboxQuery.Result result = query.find(new OutboxQuery.Filter(status, filter.recipient(), null, null), page, PAGE_SIZE);
        int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.outbox(new Filter(status == null ? null : status.name(), filter.recipient()),
                Arrays.asList(MailStatus.values()), query.countsByStatus(null), result.items(), result.total(), page, pages,
                query.suppressions(0, 100), query.suppressionCount(), blockAddress, errors);
    }

    /** A status in the address the page does not know shows all mails, as no status does. */
    private static MailStatus status(String status) {
        try {
            return MailStatus.parse(status).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
