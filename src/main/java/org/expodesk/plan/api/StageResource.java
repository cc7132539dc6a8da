package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
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
import org.expodesk.exhibition.Stage;
import org.expodesk.exhibition.api.ExhibitionResource.StageView;
import org.expodesk.plan.PlanChanged;
import org.expodesk.plan.Task;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

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
    Event<PlanChanged> changed;

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public StageView update(@PathParam("id") long id, @NotNull ExhibitionService.StageChanges changes) {
        Stage stage = exhibitions.updateStage(id, changes);
        changed.fire(new PlanChanged(stage.exhibitionId));
        return StageView.of(exhibitions.stageById(id));
    }

    @DELETE
    public void remove(@PathParam("id") long id) {
        Stage stage = exhibitions.stageById(id);
        long tasks = Task.count("stageId", id);
        if (tasks > 0) {
            throw ProblemException.conflict("The stage still holds " + tasks + " tasks; move or remove them first");
        }
        exhibitions.removeStage(stage.id);
    }
}
