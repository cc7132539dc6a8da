package org.expodesk.registration.api;

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
import org.expodesk.registration.RegistrantDedupQueue;
import org.expodesk.registration.Registration;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationDefaults;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.Registrations;
import org.expodesk.registration.api.RegistrationViews.RegistrationView;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An edition's registrations, by category code and status. Staff only. */
@Path("/api/exhibitions/{id}/registrations")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class EditionRegistrationsResource {

    @Inject
    Registrations registrations;

    @Inject
    RegistrationSetup setup;

    @Inject
    RegistrationDefaults defaults;

    @Inject
    RegistrantDedupQueue dedup;

    static final int MAX_SIZE = 500;

    /** Newest first; {@code page} from 0, {@code size} up to 500 (default 100). */
    @GET
    public List<RegistrationView> list(@PathParam("id") long id, @QueryParam("category") String category,
                                       @QueryParam("status") String status, @QueryParam("page") String pageParam,
                                       @QueryParam("size") String sizeParam) {
        int page = QueryParams.integer(pageParam, "page", 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer(sizeParam, "size", 100, 1, MAX_SIZE);
        defaults.ensure(id);
        Map<Long, String> codes = setup.categories(id).stream()
                .collect(Collectors.toMap(c -> c.id, (RegistrationCategory c) -> c.code));
        List<Registration> listed = registrations.list(id, category, status, page, size);
        Map<Long, RegistrantDedupQueue.Pending> pending = dedup.pending(listed.stream().map(r -> r.id).toList());
        return listed.stream().map(r -> RegistrationViews.registration(r, codes.get(r.categoryId),
                registrations.answersOf(r), pending.get(r.id))).toList();
    }
}
