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
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Stage;
import org.expodesk.plan.Baseline;
import org.expodesk.plan.BaselineTask;
import org.expodesk.plan.Baselines;
import org.expodesk.plan.PlanBoard;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.schedule.ScheduleService;
import org.expodesk.platform.Roles;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Gantt-style timeline: the chain, the critical path, today, and slip against the baseline. */
@Path("/exhibitions/{id}/timeline")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class TimelinePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(PlanBoard.Board board, TimelineLayout.Layout layout, Baseline baseline);
    }

    @Inject
    PlanBoard boards;

    @Inject
    PlanService plan;

    @Inject
    Baselines baselines;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        PlanBoard.Board board = boards.board(id);
        List<ScheduleService.ScheduledTask> schedule = new ArrayList<>();
        board.lanes().forEach(l -> l.rows().forEach(r -> schedule.add(r.schedule())));
        Map<Long, Baselines.Slip> slips = baselines.slips(id, schedule);
        Optional<Baseline> baseline = baselines.latest(id);
        Map<Long, LocalDate> baselineStarts = new HashMap<>();
        baseline.ifPresent(b -> baselines.dates(b.id).forEach((task, dates) -> baselineStarts.put(task,
                ((BaselineTask) dates).earlyStart)));
        List<String> labels = board.lanes().stream().map(l -> label(l.stage())).toList();
        TimelineLayout.Layout layout = TimelineLayout.of(board, labels, plan.dependencies(id), slips, baselineStarts);
        return Templates.timeline(board, layout, baseline.orElse(null));
    }

    @POST
    @Path("/baseline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveBaseline(@PathParam("id") long id, @RestForm String name) {
        baselines.save(id, name == null || name.isBlank() ? "Baseline " + LocalDate.now() : name);
        return Pages.redirectWithFlash("/exhibitions/" + id + "/timeline", "timeline_baselineSaved");
    }

    private String label(Stage stage) {
        return stage.name != null && !stage.name.isBlank() ? stage.name
                : Messages.text(locale.get(), "stage_" + stage.code);
    }
}
