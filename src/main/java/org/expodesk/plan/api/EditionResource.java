package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.api.ExhibitionResource;
import org.expodesk.plan.EditionCopier;
import org.expodesk.platform.Roles;

import java.net.URI;

/** The next edition of an exhibition, with its plan copied and shifted. */
@Path("/api/exhibitions/{id}/editions")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class EditionResource {

    @Inject
    EditionCopier copier;

    @Inject
    ExhibitionService exhibitions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response next(@PathParam("id") long sourceId, @NotNull EditionCopier.NextEdition request,
                         @Context UriInfo uri) {
        long id = copier.copy(sourceId, request);
        return Response.created(URI.create(uri.getBaseUri() + "api/exhibitions/" + id))
                .entity(ExhibitionResource.of(exhibitions.get(id), exhibitions.stages(id))).build();
    }
}
