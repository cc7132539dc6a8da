package org.expodesk.exhibition.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.exhibition.api.ExhibitionResource.StageView;
import org.expodesk.platform.Roles;

import java.time.LocalDate;

/** Stages staff add to an exhibition's default ones. */
@Path("/api/exhibitions/{exhibitionId}/stages")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionStagesResource {

    public record NewStage(String code, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    @Inject
    ExhibitionService exhibitions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addStage(@PathParam("exhibitionId") long exhibitionId, @NotNull NewStage request) {
        Stage stage = exhibitions.addStage(exhibitionId, request.code(), request.name(), request.startsOn(),
                request.endsOn());
        return Response.status(201).header("Location", "/api/stages/" + stage.id).entity(StageView.of(stage)).build();
    }
}
