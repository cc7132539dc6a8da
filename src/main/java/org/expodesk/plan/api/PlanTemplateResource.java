package org.expodesk.plan.api;

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
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.api.ExhibitionResource;
import org.expodesk.exhibition.api.ExhibitionResource.NewExhibitionRequest;
import org.expodesk.plan.PlanTemplate;
import org.expodesk.plan.PlanTemplates;
import org.expodesk.platform.Roles;

import java.time.Instant;
import java.util.List;

/** Plan templates: kept from a show's plan, and new shows started from them. */
@Path("/api/plan-templates")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class PlanTemplateResource {

    public record TemplateView(long id, String name, Long sourceExhibition, int stages, int tasks, int risks,
                               Instant createdAt) {
    }

    public record TemplateList(List<TemplateView> items, long total) {
    }

    public record NewTemplate(long exhibition, String name) {
    }

    @Inject
    PlanTemplates templates;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public TemplateList list() {
        List<TemplateView> items = templates.list().stream().map(this::view).toList();
        return new TemplateList(items, items.size());
    }

    /** Keeps the plan of {@code exhibition} as a template named {@code name}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@NotNull NewTemplate request) {
        PlanTemplate template = templates.save(request.exhibition(), request.name());
        return Response.status(201).header("Location", "/api/plan-templates/" + template.id)
                .entity(view(template)).build();
    }

    /** A new exhibition, with the template's stages and plan. */
    @POST
    @Path("/{id}/exhibitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("id") long id, @NotNull NewExhibitionRequest r) {
        Exhibition show = templates.start(id, new ExhibitionService.NewExhibition(r.code(), r.name(), r.venue(),
                r.city(), r.timezone(), r.opensOn(), r.closesOn(), r.buildUpFrom(), r.tearDownUntil(), r.series()));
        return Response.status(201).header("Location", "/api/exhibitions/" + show.id)
                .entity(ExhibitionResource.of(exhibitions.get(show.id), exhibitions.stages(show.id))).build();
    }

    private TemplateView view(PlanTemplate t) {
        PlanTemplates.Content content = templates.content(t.id);
        return new TemplateView(t.id, t.name, t.sourceExhibitionId, content.stages().size(), content.tasks().size(),
                content.risks().size(), t.createdAt);
    }
}
