package org.expodesk.plan.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.account.CurrentUser;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.plan.PlanBoard;
import org.expodesk.plan.StageGate;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.Task;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An exhibition's plan at a glance: stages, their tasks and what needs attention; new tasks. */
@Path("/exhibitions/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class PlanBoardPage {

    /** The new-task form as typed. */
    public record TaskForm(String stage, String title, String goal, String owner, String checker, String durationDays,
                           String startOn, String dueOn, String criteria, List<String> dependsOn) {

        static TaskForm empty() {
            return new TaskForm("", "", "", "", "", "5", "", "", "", List.of());
        }

        public boolean isStage(Long id) {
            return String.valueOf(id).equals(stage);
        }

        public boolean isOwner(Long id) {
            return String.valueOf(id).equals(owner);
        }

        public boolean isChecker(Long id) {
            return String.valueOf(id).equals(checker);
        }

        public boolean follows(Long id) {
            return dependsOn.contains(String.valueOf(id));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(PlanBoard.Board board, List<UserAccount> staff, TaskForm form,
                                             Map<String, String> errors, String refusal);
    }

    @Inject
    PlanBoard boards;

    @Inject
    PlanService plan;

    @Inject
    UserService users;

    @Inject
    RequestLocale locale;

    @Inject
    StageGate gate;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.board(boards.board(id), users.staff(), TaskForm.empty(), Map.of(), null);
    }

    /** Closes a stage through its gate; what blocks it is shown on the board. */
    @POST
    @Path("/stages/{stageId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closeStage(@PathParam("id") long id, @PathParam("stageId") long stageId) {
        if (exhibitions.stageById(stageId).exhibitionId != id) {
            throw ProblemException.notFound("Stage");
        }
        try {
            gate.close(stageId, currentUser.require().username());
            return Pages.redirectWithFlash("/exhibitions/" + id, "stage_closed");
        } catch (ProblemException refused) {
            if (refused.problem().status() != 409) {
                throw refused;
            }
            return Response.status(409).entity(Templates.board(boards.board(id), users.staff(), TaskForm.empty(),
                    Map.of(), refused.problem().detail())).build();
        }
    }

    @POST
    @Path("/tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTask(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        TaskForm form = new TaskForm(fields.getFirst("stage"), fields.getFirst("title"), fields.getFirst("goal"),
                fields.getFirst("owner"), fields.getFirst("checker"), fields.getFirst("durationDays"),
                fields.getFirst("startOn"), fields.getFirst("dueOn"), fields.getFirst("criteria"),
                fields.get("dependsOn") == null ? List.of() : fields.get("dependsOn"));
        FormErrors errors = new FormErrors(locale.get());
        Integer duration = null;
        try {
            duration = form.durationDays() == null || form.durationDays().isBlank() ? null
                    : Integer.valueOf(form.durationDays().trim());
        } catch (NumberFormatException e) {
            errors.add("durationDays", "task_durationOutOfRange");
        }
        LocalDate startOn = errors.date(form.startOn(), "startOn");
        LocalDate dueOn = errors.date(form.dueOn(), "dueOn");
        List<PlanService.NewCriterion> criteria = new ArrayList<>();
        if (form.criteria() != null) {
            for (String line : form.criteria().split("\\R")) {
                if (!line.isBlank()) {
                    criteria.add(new PlanService.NewCriterion(line.trim(), null));
                }
            }
        }
        List<PlanService.Link> links = form.dependsOn().stream().filter(v -> !v.isBlank())
                .map(v -> new PlanService.Link(v, 0, null)).toList();
        if (errors.isEmpty()) {
            try {
                Task task = plan.create(id, new PlanService.NewTask(form.stage(), form.title(), form.goal(), criteria,
                        form.owner(), form.checker(), startOn, duration, dueOn, null, false, links));
                return Pages.redirectWithFlash("/exhibitions/" + id + "#task-" + task.id, "task_created");
            } catch (ProblemException refused) {
                if (refused.problem().status() == 404) {
                    throw refused;
                }
                errors.addAll(refused);
            }
        }
        return Response.status(400).entity(Templates.board(boards.board(id), users.staff(), form, errors.map(), null))
                .build();
    }
}
