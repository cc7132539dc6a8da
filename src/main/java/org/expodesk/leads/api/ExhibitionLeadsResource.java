package org.expodesk.leads.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.leads.Exhibiting;
import org.expodesk.leads.LeadCounts;
import org.expodesk.leads.LeadExports;
import org.expodesk.leads.LeadQuestions;
import org.expodesk.leads.LeadScanner;
import org.expodesk.leads.LeadViews;
import org.expodesk.leads.Leads;
import org.expodesk.leads.ScanResult;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.party.export.TableWriter;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.net.URI;
import java.util.List;

/**
 * An exhibitor's leads at an edition (its own only; an edition it does not exhibit at, or another
 * exhibitor's lead, is not found), and the lead counts per exhibitor for staff (docs/leads.md).
 */
@Path("/api/exhibitions/{exhibitionId}/leads")
@RolesAllowed(Roles.EXHIBITOR)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionLeadsResource {

    @Inject
    Leads leads;

    @Inject
    LeadScanner scanner;

    @Inject
    LeadViews views;

    @Inject
    LeadQuestions questions;

    @Inject
    LeadExports exports;

    @Inject
    LeadCounts counts;

    @Inject
    Exhibiting exhibiting;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public LeadApiViews.LeadList list(@PathParam("exhibitionId") long exhibitionId) {
        var items = views.of(leads.of(organization(), exhibitionId));
        return new LeadApiViews.LeadList(items, items.size());
    }

    /** One scan: 201 with a new lead, 200 with the lead the visitor already was, 422 naming why a code is refused. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response scan(@PathParam("exhibitionId") long exhibitionId, @NotNull LeadApiViews.ScanRequest request) {
        ScanResult result = scanner.scan(organization(), exhibitionId,
                new Leads.Scan(request.code(), request.scanId(), request.scannedAt()), username());
        if (result.outcome() == ScanResult.Outcome.REFUSED) {
            throw ProblemException.unprocessable("leads_reason_" + result.reason());
        }
        LeadApiViews.ScanAnswer answer = answer(exhibitionId, result);
        return result.outcome() == ScanResult.Outcome.CREATED
                ? Response.created(URI.create("/api/exhibitions/" + exhibitionId + "/leads/" + result.leadId()))
                .entity(answer).build()
                : Response.ok(answer).build();
    }

    /** Scans kept while offline, each decided on its own; a scan id seen before is recorded once. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public LeadApiViews.BatchAnswer batch(@PathParam("exhibitionId") long exhibitionId,
                                          @NotNull LeadApiViews.BatchRequest request) {
        List<Leads.Scan> scans = request.scans() == null ? null : request.scans().stream()
                .map(s -> s == null ? null : new Leads.Scan(s.code(), s.scanId(), s.scannedAt())).toList();
        long organization = organization();
        return new LeadApiViews.BatchAnswer(scanner.batch(organization, exhibitionId, scans, username()).stream()
                .map(r -> answer(exhibitionId, r)).toList());
    }

    @GET
    @Path("/{leadId: \\d+}")
    public org.expodesk.leads.LeadView get(@PathParam("exhibitionId") long exhibitionId,
                                           @PathParam("leadId") long leadId) {
        return views.of(leads.get(organization(), exhibitionId, leadId));
    }

    /** Rating, notes, tags, answers; {@code version} as last read (stale: 409). */
    @PATCH
    @Path("/{leadId: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public org.expodesk.leads.LeadView update(@PathParam("exhibitionId") long exhibitionId,
                                              @PathParam("leadId") long leadId,
                                              @NotNull LeadApiViews.LeadChanges c) {
        return views.of(leads.update(organization(), exhibitionId, leadId,
                new Leads.Changes(c.version(), c.rating(), c.notes(), c.tags(), c.answers())));
    }

    @GET
    @Path("/questions")
    public LeadApiViews.QuestionList questions(@PathParam("exhibitionId") long exhibitionId) {
        long organization = organization();
        exhibiting.require(organization, exhibitionId);
        return new LeadApiViews.QuestionList(questions.of(organization, exhibitionId).stream()
                .map(LeadApiViews.QuestionView::of).toList());
    }

    @POST
    @Path("/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addQuestion(@PathParam("exhibitionId") long exhibitionId,
                                @NotNull LeadApiViews.QuestionRequest q) {
        var added = questions.add(organization(), exhibitionId,
                new LeadQuestions.NewQuestion(q.kind(), q.label(), q.choices()));
        return Response.status(201).entity(LeadApiViews.QuestionView.of(added)).build();
    }

    @DELETE
    @Path("/questions/{questionId: \\d+}")
    public Response removeQuestion(@PathParam("exhibitionId") long exhibitionId,
                                   @PathParam("questionId") long questionId) {
        questions.remove(organization(), exhibitionId, questionId);
        return Response.noContent().build();
    }

    @GET
    @Path("/export.{format: csv|xlsx}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response export(@PathParam("exhibitionId") long exhibitionId, @PathParam("format") String format) {
        return ExportResponses.download(exports.table(organization(), exhibitionId, ExportResponses.format(format)));
    }

    @GET
    @Path("/export.vcf")
    @Produces("text/vcard")
    public Response vcards(@PathParam("exhibitionId") long exhibitionId) {
        return Response.ok(LeadExports.bytes(exports.vcards(organization(), exhibitionId)), "text/vcard; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"leads-" + exhibitionId + ".vcf\"").build();
    }

    /** Staff: how many leads each exhibitor of the edition took; never the leads. */
    @GET
    @Path("/counts")
    @RolesAllowed(Roles.STAFF)
    public LeadApiViews.CountList counts(@PathParam("exhibitionId") long exhibitionId) {
        exhibitions.get(exhibitionId);
        var items = counts.perExhibitor(exhibitionId).stream()
                .map(c -> new LeadApiViews.ExhibitorCount(c.organizationId(), c.organization(), c.leads())).toList();
        return new LeadApiViews.CountList(items, items.stream().mapToLong(LeadApiViews.ExhibitorCount::leads).sum());
    }

    private LeadApiViews.ScanAnswer answer(long exhibitionId, ScanResult r) {
        if (r.outcome() == ScanResult.Outcome.REFUSED) {
            return new LeadApiViews.ScanAnswer(r.scanId(), r.outcome(), r.reason(),
                    Messages.text(locale.get(), "leads_reason_" + r.reason()), null);
        }
        return new LeadApiViews.ScanAnswer(r.scanId(), r.outcome(), null, null,
                views.of(leads.get(organization(), exhibitionId, r.leadId())));
    }

    private long organization() {
        Long id = currentUser.require().organizationId();
        if (id == null) {
            throw ProblemException.notFound("Exhibitor");
        }
        return id;
    }

    private String username() {
        return currentUser.require().username();
    }
}
