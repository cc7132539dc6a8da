package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.api.ExhibitionResource.StageView;
import org.expodesk.plan.StageGate;
import org.expodesk.platform.Roles;

/**
 * Renaming, re-dating, giving a manager to and removing a stage. Lives with the plan because a
 * stage's dates move its tasks' deadlines, and a stage with tasks cannot go.
 */
@Path("/api/stages/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class StageResource {

    @Inject
    ExhibitionService exhibitions;

    @Inject
    StageGate gate;

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public StageView update(@PathParam("id") long id, @NotNull ExhibitionService.StageChanges changes) {
        exhibitions.updateStage(id, changes);
        return StageView.of(exhibitions.stageById(id));
    }

    @DELETE
    public void remove(@PathParam("id") long id) {
        gate.remove(id);
    }
}
