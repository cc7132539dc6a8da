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

    TaskView view(Task task) {
        return TaskViews.of(task, plan.predecessorsOf(task.id), actor(), null);
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
