package org.expodesk.leads.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.leads.LeadCounts;
import org.expodesk.platform.Roles;

import java.util.List;

/** Staff: how many leads each exhibitor of an edition took. The leads themselves are the exhibitors' own. */
@Path("/exhibitions/{id}/leads")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class LeadCountsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance counts(Exhibition exhibition, List<LeadCounts.ExhibitorCount> counts, long total);
    }

    @Inject
    LeadCounts counts;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public TemplateInstance counts(@PathParam("id") long id) {
        Exhibition exhibition = exhibitions.get(id);
        List<LeadCounts.ExhibitorCount> rows = counts.perExhibitor(id);
        return Templates.counts(exhibition, rows, rows.stream().mapToLong(LeadCounts.ExhibitorCount::leads).sum());
    }
}
