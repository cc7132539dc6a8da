package org.expodesk.badge.pages;

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
import org.expodesk.account.CurrentUser;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgePdfs;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.badge.print.BadgePrintJob;
import org.expodesk.badge.print.BadgePrintJobs;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An edition's badges for staff: by state, a page at a time, each printable and revocable. */
@Path("/exhibitions/{id}/badges")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class BadgesPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        /** {@code shownPage}: counted from 1; {@code previous}/{@code next}: page parameters, null at the ends. */
        static native TemplateInstance badges(Exhibition exhibition, Badges.Listing listing, String state,
                                              int shownPage, int pages, Integer previous, Integer next,
                                              Long failedBadge, String reason, Map<String, String> errors,
                                              PrintChoices print);

        static native TemplateInstance job(Exhibition exhibition, BadgePrintJob job, PrintChoices print);

        static native TemplateInstance job$progress(Exhibition exhibition, BadgePrintJob job);
    }

    /** The batch-print form: what can be chosen, what was chosen, its errors; the latest jobs. */
    public record PrintChoices(List<String> categories, List<BadgePrintJobs.Holder> organizations, String category,
                               String organization, String layout, Map<String, String> errors,
                               List<BadgePrintJob> jobs) {

        public boolean chosen(Long organizationId) {
            return organizationId != null && organizationId.toString().equals(organization);
        }

        /** The name a job's organization has on its badges; its id when none holds a valid badge any more. */
        public String organizationName(Long organizationId) {
            if (organizationId == null) {
                return "–";
            }
            return organizations.stream().filter(o -> organizationId.equals(o.id()) && o.name() != null)
                    .map(BadgePrintJobs.Holder::name).findFirst().orElse("#" + organizationId);
        }
    }

    @Inject
    BadgePrintJobs printJobs;

    @Inject
    Badges badges;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    BadgePdfs pdfs;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("state") String state,
                                 @QueryParam("page") String page) {
        return page(id, state, page, null, "", Map.of());
    }

    /** Starts a batch print of the chosen badges; the job's page then shows its progress. */
    @POST
    @Path("/print")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response print(@PathParam("id") long id, @RestForm String category, @RestForm String organization,
                          @RestForm String layout) {
        exhibitions.get(id);
        FormErrors errors = new FormErrors(locale.get());
        int status = 400;
        Long org = null;
        if (organization != null && !organization.isBlank()) {
            try {
                org = Long.parseLong(organization.trim());
            } catch (NumberFormatException e) {
                errors.add("organization", "badge_organizationInvalid");
            }
        }
        try {
            if (errors.map().isEmpty()) {
                BadgePrintJob job = printJobs.start(id, new BadgePrintJobs.NewPrintJob(category, org, layout),
                        currentUser.require().username());
                return Pages.redirect("/exhibitions/" + id + "/badges/print/" + job.id);
            }
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            status = refused.problem().status();
            if (refused.problem().errors() == null || refused.problem().errors().isEmpty()) {
                errors.add("print", refused.problem().detail());
            } else {
                errors.addAll(refused);
            }
        }
        return Response.status(status).entity(page(id, null, null, null, "", Map.of(),
                printChoices(id, category, organization, layout, errors.map()))).build();
    }

    @GET
    @Path("/print/{jobId}")
    public TemplateInstance job(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        return Templates.job(exhibitions.get(id), jobOfEdition(id, jobId), printChoices(id, null, null, null, Map.of()));
    }

    /** The progress bar and, once done, the download link; htmx polls it while the job runs. */
    @GET
    @Path("/print/{jobId}/progress")
    public TemplateInstance progress(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        return Templates.job$progress(exhibitions.get(id), jobOfEdition(id, jobId));
    }

    @GET
    @Path("/print/{jobId}/badges.pdf")
    @Produces("application/pdf")
    public Response printed(@PathParam("id") long id, @PathParam("jobId") long jobId) {
        jobOfEdition(id, jobId);
        return org.expodesk.badge.api.BadgePrintJobResource.download(printJobs, printJobs.downloadable(jobId));
    }

    private BadgePrintJob jobOfEdition(long id, long jobId) {
        BadgePrintJob job = printJobs.get(jobId);
        if (job.exhibitionId != id) {
            throw ProblemException.notFound("Print job");
        }
        return job;
    }

    private PrintChoices printChoices(long id, String category, String organization, String layout,
                                      Map<String, String> errors) {
        return new PrintChoices(printJobs.categories(id), printJobs.organizations(id), category == null ? "" : category,
                organization == null ? "" : organization, layout == null || layout.isBlank() ? "A6" : layout, errors,
                printJobs.recent(id, 10));
    }

    @GET
    @Path("/{badgeId}/badge.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id, @PathParam("badgeId") long badgeId,
                        @QueryParam("layout") String layout) {
        Badge b = ofEdition(id, badgeId);
        BadgePdfs.Layout chosen = BadgePdfs.Layout.A6;
        for (BadgePdfs.Layout l : BadgePdfs.Layout.values()) {
            if (l.name().equalsIgnoreCase(layout)) {
                chosen = l;
            }
        }
        return Response.ok(pdfs.one(b, chosen))
                .header("Content-Disposition", "inline; filename=\"badge-" + b.id + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/{badgeId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @PathParam("badgeId") long badgeId, @RestForm String reason) {
        ofEdition(id, badgeId);
        try {
            badges.revoke(badgeId, reason, currentUser.require().username());
            return Pages.redirectWithFlash("/exhibitions/" + id + "/badges", "badge_revokedFlash");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Response.status(refused.problem().status()).entity(page(id, null, null, badgeId,
                    reason == null ? "" : reason, new FormErrors(locale.get()).addAll(refused).map())).build();
        }
    }

    private Badge ofEdition(long id, long badgeId) {
        Badge b = badges.get(badgeId);
        if (b.exhibitionId != id) {
            throw ProblemException.notFound("Badge");
        }
        return b;
    }

    private TemplateInstance page(long id, String state, String page, Long failedBadge, String reason,
                                  Map<String, String> errors) {
        return page(id, state, page, failedBadge, reason, errors, printChoices(id, null, null, null, Map.of()));
    }

    private TemplateInstance page(long id, String state, String page, Long failedBadge, String reason,
                                  Map<String, String> errors, PrintChoices print) {
        Exhibition exhibition = exhibitions.get(id);
        BadgeState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = BadgeState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // an unknown filter shows every badge
            }
        }
        int p = org.expodesk.platform.problem.QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE);
        Badges.Listing listing = badges.listOf(id, new Badges.Filter(s, null, null), p, PAGE_SIZE);
        int pages = (int) Math.max(1, (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.badges(exhibition, listing, s == null ? "" : s.name(), p + 1, pages, p > 0 ? p - 1 : null,
                p + 1 < pages ? p + 1 : null, failedBadge, reason, errors, print);
    }
}
