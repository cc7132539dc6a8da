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
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

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
                                              Long failedBadge, String reason, Map<String, String> errors);
    }

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

    @GET
    @Path("/{badgeId}/badge.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id, @PathParam("badgeId") long badgeId) {
        Badge b = ofEdition(id, badgeId);
        return Response.ok(pdfs.one(b, BadgePdfs.Layout.A6))
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
                p + 1 < pages ? p + 1 : null, failedBadge, reason, errors);
    }
}
