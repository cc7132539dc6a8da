package org.expodesk.registration.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.registration.PlaceCounters;
import org.expodesk.registration.Questions;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.api.RegistrationViews.CategoryView;
import org.expodesk.registration.api.RegistrationViews.QuestionView;

import java.util.List;

/** One registration category and its questions. Staff only. */
@Path("/api/registration-categories/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationCategoryResource {

    @Inject
    RegistrationSetup setup;

    @Inject
    Questions questions;

    @Inject
    PlaceCounters counters;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public CategoryView get(@PathParam("id") long id) {
        return view(setup.category(id));
    }

    /** Absent fields stay; {@code unlimited: true} clears both capacities; {@code version} (optional) stale → 409. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public CategoryView change(@PathParam("id") long id, @NotNull RegistrationSetup.CategoryChange change) {
        return view(setup.changeCategory(id, change));
    }

    @GET
    @Path("/questions")
    public List<QuestionView> questions(@PathParam("id") long id) {
        setup.category(id);
        return questions.of(id).stream().map(QuestionView::of).toList();
    }

    @POST
    @Path("/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addQuestion(@PathParam("id") long id, @NotNull Questions.QuestionChange change) {
        setup.category(id);
        return Response.status(201).entity(QuestionView.of(questions.add(id, change))).build();
    }

    private CategoryView view(RegistrationCategory c) {
        Exhibition exhibition = exhibitions.get(c.exhibitionId);
        return RegistrationViews.category(c, c.days(exhibition.opensOn, exhibition.closesOn).stream()
                        .map(Object::toString).toList(), counters.takenByCategory(c.exhibitionId).getOrDefault(c.id, 0),
                questions.of(c.id).stream().map(QuestionView::of).toList());
    }
}
