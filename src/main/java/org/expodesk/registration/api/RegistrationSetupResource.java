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
import org.expodesk.registration.RegistrationDefaults;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.api.RegistrationViews.CategoryView;
import org.expodesk.registration.api.RegistrationViews.QuestionView;
import org.expodesk.registration.api.RegistrationViews.SetupView;

import java.util.Map;

/** An edition's registration set-up: window, allowed buyer domains, categories with their questions. Staff only. */
@Path("/api/exhibitions/{id}/registration")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationSetupResource {

    @Inject
    RegistrationDefaults defaults;

    @Inject
    RegistrationSetup setup;

    @Inject
    Questions questions;

    @Inject
    PlaceCounters counters;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public SetupView get(@PathParam("id") long id) {
        defaults.ensure(id);
        return view(id);
    }

    /** Window ({@code opensAt}, {@code closesAt}) and {@code allowedDomains}; absent fields stay. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public SetupView change(@PathParam("id") long id, @NotNull RegistrationSetup.SettingsChange change) {
        defaults.ensure(id);
        setup.changeSettings(id, change);
        return view(id);
    }

    @POST
    @Path("/categories")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addCategory(@PathParam("id") long id, @NotNull RegistrationSetup.CategoryChange change) {
        defaults.ensure(id);
        RegistrationCategory category = setup.addCategory(id, change);
        Exhibition exhibition = exhibitions.get(id);
        return Response.status(201).entity(RegistrationViews.category(category,
                category.days(exhibition.opensOn, exhibition.closesOn).stream().map(Object::toString).toList(), 0,
                java.util.List.of())).build();
    }

    private SetupView view(long id) {
        Exhibition exhibition = exhibitions.get(id);
        Map<Long, Integer> taken = counters.takenByCategory(id);
        return RegistrationViews.setup(setup.settings(id), setup.categories(id).stream()
                .map(c -> categoryView(c, exhibition, taken.getOrDefault(c.id, 0))).toList());
    }

    private CategoryView categoryView(RegistrationCategory c, Exhibition exhibition, int taken) {
        return RegistrationViews.category(c, c.days(exhibition.opensOn, exhibition.closesOn).stream()
                .map(Object::toString).toList(), taken, questions.of(c.id).stream().map(QuestionView::of).toList());
    }
}
