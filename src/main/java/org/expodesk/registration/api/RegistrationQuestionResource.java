package org.expodesk.registration.api;

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
import jakarta.ws.rs.core.Response;
import org.expodesk.platform.Roles;
import org.expodesk.registration.Questions;
import org.expodesk.registration.api.RegistrationViews.QuestionView;

/** One custom question of a category. Staff only. */
@Path("/api/registration-questions/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationQuestionResource {

    @Inject
    Questions questions;

    /** Absent fields stay; the code stays for good. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public QuestionView change(@PathParam("id") long id, @NotNull Questions.QuestionChange change) {
        return QuestionView.of(questions.update(id, change));
    }

    /** Answers already given stay with their registrations; a question others depend on is a 409. */
    @DELETE
    public Response remove(@PathParam("id") long id) {
        questions.remove(id);
        return Response.noContent().build();
    }
}
