package org.expodesk.registration.exhibitor.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorApplications;

import java.util.Arrays;
import java.util.List;

/** Staff: an edition's exhibitor applications, filtered by status. */
@Path("/exhibitions/{id}/exhibitor-applications")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class EditionApplicationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance applications(Exhibition exhibition, List<ExhibitorApplication> applications,
                                                    List<ApplicationStatus> statuses, String status);
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public TemplateInstance list(@PathParam("id") long id, @QueryParam("status") String status) {
        ApplicationStatus filter = Arrays.stream(ApplicationStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        return Templates.applications(exhibitions.get(id), applications.ofEdition(id, filter),
                List.of(ApplicationStatus.values()), filter == null ? "" : filter.name());
    }
}
