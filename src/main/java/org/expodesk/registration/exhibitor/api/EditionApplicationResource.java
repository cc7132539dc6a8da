package org.expodesk.registration.exhibitor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.QueryParams;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.registration.exhibitor.api.ApplicationViews.ApplicationView;

import java.util.List;
import java.util.Locale;

/** An edition's exhibitor applications, for staff to review. */
@Path("/api/exhibitions/{id}/exhibitor-applications")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class EditionApplicationResource {

    @Inject
    ExhibitorApplications applications;

    @GET
    public ApplicationViews.Page<ApplicationView> list(@PathParam("id") long id, @QueryParam("status") String status,
                                                       @QueryParam("page") String page, @QueryParam("size") String size) {
        int p = QueryParams.integer(page, "page", 0, 0, 1_000_000);
        int s = QueryParams.integer(size, "size", 50, 1, 200);
        List<ExhibitorApplication> all = applications.ofEdition(id, status(status));
        return new ApplicationViews.Page<>(all.stream().skip((long) p * s).limit(s).map(ApplicationView::of).toList(),
                all.size());
    }

    private static ApplicationStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ApplicationStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "application_choiceInvalid");
        }
    }
}
