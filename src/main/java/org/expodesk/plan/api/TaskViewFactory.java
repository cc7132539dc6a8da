package org.expodesk.plan.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.Role;
import org.expodesk.account.SignedInUser;
import org.expodesk.plan.ControlLoop;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.Task;
import org.expodesk.plan.TaskControl;
import org.expodesk.plan.api.TaskViews.TaskView;

/** Builds task views for the current user (their allowed actions differ) from fresh reads. */
@RequestScoped
class TaskViewFactory {

    @Inject
    PlanService plan;

    @Inject
    CurrentUser currentUser;

    TaskView view(long taskId, boolean withHistory) {
        Task task = plan.get(taskId);
        return TaskViews.of(task, plan.predecessorsOf(taskId), actor(), withHistory ? plan.history(taskId) : null);
    }

    /** Views of all tasks of an exhibition: three queries, whatever the number of tasks. */
    java.util.List<TaskView> all(long exhibitionId) {
        java.util.Map<Long, java.util.List<org.expodesk.plan.TaskDependency>> predecessors = new java.util.HashMap<>();
        plan.dependencies(exhibitionId).forEach(d ->
                predecessors.computeIfAbsent(d.successorId, k -> new java.util.ArrayList<>()).add(d));
        ControlLoop.Actor actor = actor();
        return plan.tasksWithCriteria(exhibitionId).stream()
                .map(t -> TaskViews.of(t, predecessors.getOrDefault(t.id, java.util.List.of()), actor, null)).toList();
    }

    ControlLoop.Actor actor() {
        SignedInUser user = currentUser.require();
        return new ControlLoop.Actor(user.userId(), user.role() == Role.ADMIN);
    }

    TaskControl.Mover mover() {
        SignedInUser user = currentUser.require();
        return new TaskControl.Mover(user.userId(), user.username(), user.role() == Role.ADMIN);
    }
}
