package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.plan.StageGate;
import org.expodesk.platform.Roles;

/** Closing a stage through its gate: 409 naming the tasks that are neither confirmed nor waived. */
@Path("/api/stages/{id}/close")
@RolesAllowed(Roles.STAFF)
public class StageGateResource {

    @Inject
    StageGate gate;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response close(@PathParam("id") long stageId) {
        gate.close(stageId, currentUser.require().username());
        return Response.noContent().build();
    }
}
