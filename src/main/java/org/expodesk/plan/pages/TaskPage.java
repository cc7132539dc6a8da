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
import org.expodesk.account.CurrentUser;
import org.expodesk.account.Role;
import org.expodesk.account.SignedInUser;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.plan.ControlLoop;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.Task;
import org.expodesk.plan.TaskControl;
import org.expodesk.plan.TaskComment;
import org.expodesk.plan.TaskDependency;
import org.expodesk.plan.TaskLink;
import org.expodesk.plan.TaskNotes;
import org.expodesk.plan.TaskTransition;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One task: what it must reach, where it stands, its history, and the moves open to this user. */
@Path("/tasks/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class TaskPage {

    /** A predecessor as shown: its id, title and lag. */
    public record Predecessor(long id, String title, int lagDays, String kind) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance task(Task task, Exhibition exhibition, Stage stage, Map<Long, String> names,
                                            List<Predecessor> predecessors, List<TaskTransition> history,
                                            Set<String> actions, List<UserAccount> staff, String refusal,
                                            Map<String, String> errors, List<TaskComment> comments,
                                            List<TaskLink> links, List<String> priorities);
    }

    @Inject
    PlanService plan;

    @Inject
    TaskControl control;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @Inject
    TaskNotes notes;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, null, Map.of());
    }

    /** Every move of the control loop comes through this one form post, named by {@code action}. */
    @POST
    @Path("/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        SignedInUser user = currentUser.require();
        FormErrors errors = new FormErrors(locale.get());
        Task task = plan.get(id);
        List<TaskControl.CriterionResult> results = new ArrayList<>();
        task.criteria.forEach(c -> {
            String verdict = fields.getFirst("result-" + c.id);
            results.add(new TaskControl.CriterionResult(c.id, verdict == null ? null : "pass".equals(verdict),
                    fields.getFirst("note-" + c.id)));
        });
        Integer percent = null;
        String percentText = fields.getFirst("percentComplete");
        if (percentText != null && !percentText.isBlank()) {
            try {
                percent = Integer.valueOf(percentText.trim());
            } catch (NumberFormatException e) {
                errors.add("percentComplete", "task_percentOutOfRange");
            }
        }
        LocalDate forecast = errors.date(fields.getFirst("forecastFinish"), "forecastFinish");
        String action = fields.getFirst("action");
        if (errors.isEmpty()) {
            try {
                control.move(id, new TaskControl.Move(action, fields.getFirst("comment"), results,
                        fields.getFirst("owner"), percent, forecast), new TaskControl.Mover(user.userId(),
                        user.username(), user.role() == Role.ADMIN));
                return Pages.redirectWithFlash("/tasks/" + id, "task_moved");
            } catch (ProblemException refused) {
                int status = refused.problem().status();
                if (status == 404) {
                    throw refused;
                }
                if (status == 400) {
                    errors.addAll(refused);
                } else {
                    return Response.status(status).entity(page(id, refused.problem().detail(), Map.of())).build();
                }
            }
        }
        return Response.status(400).entity(page(id, null, errors.map())).build();
    }

    private TemplateInstance page(long id, String refusal, Map<String, String> errors) {
        Task task = plan.get(id);
        SignedInUser user = currentUser.require();
        Set<String> actions = new HashSet<>();
        ControlLoop.allowedFor(task, new ControlLoop.Actor(user.userId(), user.role() == Role.ADMIN))
                .forEach(a -> actions.add(a.apiName()));
        List<Predecessor> predecessors = new ArrayList<>();
        for (TaskDependency d : plan.predecessorsOf(id)) {
            Task p = plan.get(d.predecessorId);
            predecessors.add(new Predecessor(p.id, p.title, d.lagDays, d.kind.name()));
        }
        List<TaskTransition> history = plan.history(id);
        Set<Long> people = new HashSet<>();
        if (task.ownerId != null) {
            people.add(task.ownerId);
        }
        if (task.checkerId != null) {
            people.add(task.checkerId);
        }
        Map<Long, String> names = users.displayNames(people);
        return Templates.task(task, exhibitions.get(task.exhibitionId), exhibitions.stageById(task.stageId), names,
                predecessors, history, actions, users.staff(), refusal, errors, notes.comments(id), notes.links(id),
                java.util.Arrays.stream(org.expodesk.plan.Priority.values()).map(Enum::name).toList());
    }

    /** Edits the task's plan data; the version in the form guards against a concurrent edit. */
    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @RestForm Long version, @RestForm String title,
                         @RestForm String goal, @RestForm String owner, @RestForm String checker,
                         @RestForm String durationDays, @RestForm String startOn, @RestForm String dueOn,
                         @RestForm String priority, @RestForm String pinned) {
        FormErrors errors = new FormErrors(locale.get());
        Integer duration = null;
        try {
            duration = durationDays == null || durationDays.isBlank() ? null : Integer.valueOf(durationDays.trim());
        } catch (NumberFormatException e) {
            errors.add("durationDays", "task_durationOutOfRange");
        }
        LocalDate start = errors.date(startOn, "startOn");
        LocalDate due = errors.date(dueOn, "dueOn");
        if (errors.isEmpty()) {
            try {
                plan.update(id, new PlanService.TaskChanges(version, null, title, goal == null ? "" : goal,
                        owner == null ? "" : owner, checker == null ? "" : checker, start, duration, due, priority,
                        "on".equals(pinned), start == null, due == null));
                return Pages.redirectWithFlash("/tasks/" + id, "task_moved");
            } catch (ProblemException refused) {
                if (refused.problem().status() == 404) {
                    throw refused;
                }
                if (refused.problem().status() == 409) {
                    return Response.status(409).entity(page(id, refused.problem().detail(), Map.of())).build();
                }
                errors.addAll(refused);
            }
        }
        return Response.status(400).entity(page(id, null, errors.map())).build();
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("id") long id, @RestForm String body) {
        SignedInUser user = currentUser.require();
        try {
            notes.comment(id, user.userId(), user.username(), body);
            return Pages.redirect("/tasks/" + id + "#comments");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Response.status(400).entity(page(id, null,
                    new FormErrors(locale.get()).addAll(refused).map())).build();
        }
    }

    @POST
    @Path("/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("id") long id, @RestForm String url, @RestForm String label) {
        try {
            notes.link(id, url, label);
            return Pages.redirect("/tasks/" + id + "#links");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Response.status(400).entity(page(id, null,
                    new FormErrors(locale.get()).addAll(refused).map())).build();
        }
    }
}
