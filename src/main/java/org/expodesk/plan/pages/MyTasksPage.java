package org.expodesk.plan.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.CurrentUser;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.plan.PlanBoard;
import org.expodesk.plan.Task;
import org.expodesk.platform.Roles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The open tasks the signed-in staff member owns or checks, across exhibitions. */
@Path("/my/tasks")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class MyTasksPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<Task> tasks, Map<Long, Exhibition> exhibitions, long me);
    }

    @Inject
    PlanBoard boards;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance show() {
        long me = currentUser.require().userId();
        List<Task> tasks = boards.tasksOf(me);
        Map<Long, Exhibition> byId = new HashMap<>();
        tasks.forEach(t -> byId.computeIfAbsent(t.exhibitionId, exhibitions::get));
        return Templates.mine(tasks, byId, me);
    }
}
