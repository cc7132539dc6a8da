package org.expodesk.registration.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import org.expodesk.account.CurrentUser;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.registration.RegistrantDedupQueue;
import org.expodesk.registration.Registration;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.Registrations;
import org.expodesk.registration.api.RegistrationViews.RegistrationView;

/** One registration; staff verify buyers here. Staff only. */
@Path("/api/registrations/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    public record Rejection(String reason) {
    }

    @Inject
    Registrations registrations;

    @Inject
    RegistrationSetup setup;

    @Inject
    CurrentUser currentUser;

    @Inject
    RegistrantDedupQueue dedup;

    @GET
    public RegistrationView get(@PathParam("id") long id) {
        return view(registrations.get(id));
    }

    /** A buyer awaiting verification is confirmed (and mailed); any other state is a 409. */
    @POST
    @Path("/approve")
    public RegistrationView approve(@PathParam("id") long id) {
        return view(registrations.approve(id, currentUser.require().username()));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationView reject(@PathParam("id") long id, Rejection body) {
        return view(registrations.reject(id, body == null ? null : body.reason(), currentUser.require().username()));
    }

    /** A duplicate whose person stands alone again (a deduplication merge undone) counts again; else 409. */
    @POST
    @Path("/reinstate")
    public RegistrationView reinstate(@PathParam("id") long id) {
        return view(registrations.reinstate(id, currentUser.require().username()));
    }

    /** A registrant whose deduplication failed is taken up again now; 409 when it is not waiting for that. */
    @POST
    @Path("/dedup/retry")
    public RegistrationView retryDedup(@PathParam("id") long id) {
        Registration registration = registrations.get(id);
        if (!dedup.retry(id)) {
            throw ProblemException.conflict("registration_dedupNotFailed");
        }
        return view(registration);
    }

    private RegistrationView view(Registration r) {
        return RegistrationViews.registration(r, setup.category(r.categoryId).code, registrations.answersOf(r),
                dedup.pending(List.of(r.id)).get(r.id));
    }
}
