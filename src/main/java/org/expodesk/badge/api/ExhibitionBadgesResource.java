package org.expodesk.badge.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.AccessRules;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.QueryParams;

import java.util.List;
import java.util.Locale;

/** An edition's badges, a page at a time. Staff see all; an exhibitor only its own organization's. */
@Path("/api/exhibitions/{id}/badges")
@RolesAllowed({org.expodesk.platform.Roles.STAFF, org.expodesk.platform.Roles.EXHIBITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionBadgesResource {

    public record BadgeList(List<BadgeView> items, long total, int page, int size) {
    }

    @Inject
    Badges badges;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    SecurityIdentity identity;

    @GET
    public BadgeList list(@PathParam("id") long id, @QueryParam("state") String state,
                          @QueryParam("category") String category, @QueryParam("organization") String organization,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        exhibitions.get(id);
        BadgeState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = BadgeState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("state", "badge_stateInvalid");
            }
        }
        Long org = null;
        if (organization != null && !organization.isBlank()) {
            org = (long) QueryParams.integer(organization, "organization", 0, 1, Integer.MAX_VALUE);
        }
        if (!AccessRules.isStaff(identity)) {
            Long own = identity.getAttribute(AccessRules.ORGANIZATION_ATTRIBUTE);
            if (own == null || (org != null && !org.equals(own))) {
                throw ProblemException.notFound("Organization");
            }
            org = own;
        }
        int p = QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE);
        int n = QueryParams.integer(size, "size", 50, 1, 200);
        Badges.Listing listing = badges.listOf(id, new Badges.Filter(s,
                category == null || category.isBlank() ? null : category.trim(), org), p, n);
        return new BadgeList(listing.items().stream().map(BadgeView::of).toList(), listing.total(), p, n);
    }
}
