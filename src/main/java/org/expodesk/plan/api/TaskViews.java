package org.expodesk.plan.api;

import org.expodesk.plan.ControlLoop;
import org.expodesk.plan.Task;
import org.expodesk.plan.TaskAction;
import org.expodesk.plan.TaskCriterion;
import org.expodesk.plan.TaskDependency;
import org.expodesk.plan.TaskTransition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of tasks; entities never leave the service layer as JSON. */
public final class TaskViews {

    private TaskViews() {
    }

    public record CriterionView(long id, String text, String target, Boolean passed, String note) {
    }

    public record LinkView(long task, int lagDays, String kind) {
    }

    public record StepView(Instant at, String actor, String action, String from, String to, String comment) {
    }

    public record TaskView(long id, long exhibition, long stage, String title, String goal, Long owner, Long checker,
                           String priority, String state, LocalDate startOn, int durationDays, LocalDate dueOn,
                           boolean pinned, int percentComplete, LocalDate forecastFinish, LocalDate actualStart,
                           LocalDate actualFinish, String waiveReason, Long risk, long version, List<CriterionView> criteria,
                           List<LinkView> dependsOn, List<String> allowedActions, List<StepView> history) {
    }

    static TaskView of(Task t, List<TaskDependency> predecessors, ControlLoop.Actor actor, List<TaskTransition> history) {
        return new TaskView(t.id, t.exhibitionId, t.stageId, t.title, t.goal, t.ownerId, t.checkerId, t.priority.name(),
                t.state.name(), t.startOn, t.durationDays, t.dueOn, t.pinned, t.percentComplete, t.forecastFinish,
                t.actualStart, t.actualFinish, t.waiveReason, t.riskId, t.version,
                t.criteria.stream().map(TaskViews::criterion).toList(),
                predecessors.stream().map(d -> new LinkView(d.predecessorId, d.lagDays, d.kind.name())).toList(),
                ControlLoop.allowedFor(t, actor).stream().map(TaskAction::apiName).toList(),
                history == null ? null : history.stream().map(TaskViews::step).toList());
    }

    private static CriterionView criterion(TaskCriterion c) {
        return new CriterionView(c.id, c.text, c.target, c.passed, c.note);
    }

    private static StepView step(TaskTransition s) {
        return new StepView(s.occurredAt, s.actorName, s.action.apiName(), s.fromState.name(), s.toState.name(),
                s.comment);
    }
}
