package org.expodesk.web.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditEntry;
import org.expodesk.audit.AuditQuery;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.QueryParams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit log for administrators, filtered as they type (htmx swaps the results only). */
@Path("/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    private static final int PAGE_SIZE = 50;

    public record Filter(String actor, String action, String entityType, String from, String until) {

        /** The filter as a query string, for the pager's links. */
        public String query() {
            StringBuilder query = new StringBuilder();
            append(query, "actor", actor);
            append(query, "action", action);
            append(query, "entityType", entityType);
            append(query, "from", from);
            append(query, "until", until);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Filter filter, List<String> actions, List<AuditEntry> entries, long total,
                                             int page, int pages);

        static native TemplateInstance audit$results(Filter filter, List<AuditEntry> entries, long total, int page,
                                                     int pages);
    }

    @Inject
    AuditQuery query;

    @GET
    public TemplateInstance show(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                 @QueryParam("entityType") String entityType, @QueryParam("from") String from,
                                 @QueryParam("until") String until, @QueryParam("page") String page,
                                 @HeaderParam("HX-Request") boolean htmx,
                                 @HeaderParam("HX-History-Restore-Request") boolean historyRestore) {
        Filter filter = new Filter(actor, action, entityType, from, until);
        int current = QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE);
        AuditQuery.Result result = query.find(new AuditQuery.Filter(actor, action, entityType, null,
                day(from, 0), day(until, 1)), current, PAGE_SIZE);
        int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        // htmx restoring history it no longer caches wants the whole page, not the fragment
        if (htmx && !historyRestore) {
            return Templates.audit$results(filter, result.items(), result.total(), current, pages);
        }
        List<String> actions = java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList();
        return Templates.audit(filter, actions, result.items(), result.total(), current, pages);
    }

    /** A date from the filter form as the start of that day (plus days) in UTC; bad input is ignored. */
    private static java.time.Instant day(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
