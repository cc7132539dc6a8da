package org.expodesk.exhibition.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.platform.Roles;

import java.time.LocalDate;
import java.util.List;

/** Exhibitions and their stages, for organizer staff. */
@Path("/api/exhibitions")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionResource {

    public record NewExhibitionRequest(String code, String name, String venue, String city, String timezone,
                                       LocalDate opensOn, LocalDate closesOn, LocalDate buildUpFrom,
                                       LocalDate tearDownUntil, String series) {
    }

    public record StageView(long id, int position, String code, String name, LocalDate startsOn, LocalDate endsOn,
                            Long manager, boolean closed, long version) {

        public static StageView of(Stage s) {
            return new StageView(s.id, s.position, s.code, s.name, s.startsOn, s.endsOn, s.managerId, s.isClosed(),
                    s.version);
        }
    }

    public record ExhibitionView(long id, String code, String name, String series, String venue, String city,
                                 String timezone, LocalDate buildUpFrom, LocalDate opensOn, LocalDate closesOn,
                                 LocalDate tearDownUntil, List<StageView> stages) {
    }

    public record ExhibitionList(List<ExhibitionView> items, long total) {
    }

    @Inject
    ExhibitionService exhibitions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewExhibitionRequest r, @Context UriInfo uri) {
        Exhibition created = exhibitions.create(new ExhibitionService.NewExhibition(r.code(), r.name(), r.venue(),
                r.city(), r.timezone(), r.opensOn(), r.closesOn(), r.buildUpFrom(), r.tearDownUntil(), r.series()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id)).build())
                .entity(view(exhibitions.get(created.id), true)).build();
    }

    @GET
    public ExhibitionList list() {
        List<ExhibitionView> items = exhibitions.list().stream().map(e -> view(e, false)).toList();
        return new ExhibitionList(items, items.size());
    }

    @GET
    @Path("/{id}")
    public ExhibitionView get(@PathParam("id") long id) {
        return view(exhibitions.get(id), true);
    }

    private ExhibitionView view(Exhibition e, boolean withStages) {
        return of(e, withStages ? exhibitions.stages(e.id) : null);
    }

    /** The JSON shape of an exhibition, for every resource that answers with one. */
    public static ExhibitionView of(Exhibition e, List<Stage> stages) {
        return new ExhibitionView(e.id, e.code, e.name, e.series.code, e.venue, e.city, e.timezone, e.buildUpFrom,
                e.opensOn, e.closesOn, e.tearDownUntil, stages == null ? null : stages.stream().map(StageView::of).toList());
    }
}
