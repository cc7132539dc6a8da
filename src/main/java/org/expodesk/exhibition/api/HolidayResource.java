package org.expodesk.exhibition.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Holiday;
import org.expodesk.platform.Roles;

import java.time.LocalDate;
import java.util.List;

/** The declared days off of an exhibition's working-day calendar. */
@Path("/api/exhibitions/{exhibitionId}/holidays")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class HolidayResource {

    public record NewHoliday(LocalDate day, String name) {
    }

    public record HolidayView(long id, LocalDate day, String name) {
    }

    public record HolidayList(List<HolidayView> items, long total) {
    }

    @Inject
    ExhibitionService exhibitions;

    @GET
    public HolidayList list(@PathParam("exhibitionId") long exhibitionId) {
        exhibitions.get(exhibitionId);
        List<HolidayView> items = exhibitions.holidays(exhibitionId).stream()
                .map(h -> new HolidayView(h.id, h.day, h.name)).toList();
        return new HolidayList(items, items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("exhibitionId") long exhibitionId, @NotNull NewHoliday request) {
        Holiday h = exhibitions.addHoliday(exhibitionId, request.day(), request.name());
        return Response.status(201).entity(new HolidayView(h.id, h.day, h.name)).build();
    }
}
