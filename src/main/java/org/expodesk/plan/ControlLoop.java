package org.expodesk.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.expodesk.plan.TaskAction.ASSIGN;
import static org.expodesk.plan.TaskAction.CHECK;
import static org.expodesk.plan.TaskAction.CONFIRM;
import static org.expodesk.plan.TaskAction.PROGRESS;
import static org.expodesk.plan.TaskAction.REJECT;
import static org.expodesk.plan.TaskAction.START;
import static org.expodesk.plan.TaskAction.SUBMIT;
import static org.expodesk.plan.TaskAction.WAIVE;

/**
 * The control loop of a task, decided here and nowhere else: which action each state allows, and
 * who may take it. Diagram: docs/plan-control-loop.md.
 *
 * <ul>
 *   <li>Any staff member assigns (and reassigns) and waives; a waiver needs a reason.</li>
 *   <li>The owner (or an administrator) starts, reports progress and submits.</li>
 *   <li>Checking and rejecting are for the named checker, else any staff member; confirming is for
 *       any staff member. Never the owner: four eyes.</li>
 * </ul>
 */
public final class ControlLoop {

    private static final Map<TaskState, Set<TaskAction>> ALLOWED = Map.of(
            TaskState.PLANNED, EnumSet.of(ASSIGN, WAIVE),
            TaskState.ASSIGNED, EnumSet.of(ASSIGN, START, WAIVE),
            TaskState.IN_PROGRESS, EnumSet.of(PROGRESS, SUBMIT, ASSIGN, WAIVE),
            TaskState.SUBMITTED, EnumSet.of(CHECK, REJECT, WAIVE),
            TaskState.CHECKED, EnumSet.of(CONFIRM, REJECT),
            TaskState.CONFIRMED, EnumSet.noneOf(TaskAction.class),
            TaskState.WAIVED, EnumSet.noneOf(TaskAction.class));

    /** Who is acting: their user id and whether they administer the installation. */
    public record Actor(long userId, boolean admin) {
    }

    /** The outcome of asking whether an actor may take an action now. */
    public enum Verdict { ALLOWED, WRONG_STATE, FOUR_EYES, NOT_OWNER, NOT_CHECKER }

    private ControlLoop() {
    }

    public static Verdict decide(Task task, TaskAction action, Actor actor) {
        if (!ALLOWED.get(task.state).contains(action)) {
            return Verdict.WRONG_STATE;
        }
        boolean isOwner = task.ownerId != null && task.ownerId == actor.userId();
        // four eyes holds against whoever did the work, not only the owner of the moment
        boolean worker = task.workedOnBy(actor.userId());
        return switch (action) {
            case ASSIGN, WAIVE -> action == WAIVE && worker ? Verdict.FOUR_EYES : Verdict.ALLOWED;
            case START, PROGRESS, SUBMIT -> isOwner || actor.admin() ? Verdict.ALLOWED : Verdict.NOT_OWNER;
            case CHECK, REJECT -> {
                if (worker) {
                    yield Verdict.FOUR_EYES;
                }
                boolean checkerNamed = task.checkerId != null;
                yield !checkerNamed || task.checkerId == actor.userId() || actor.admin()
                        ? Verdict.ALLOWED : Verdict.NOT_CHECKER;
            }
            case CONFIRM -> worker ? Verdict.FOUR_EYES : Verdict.ALLOWED;
        };
    }

    /** The actions this actor may take on the task now, for pages and for 409 answers. */
    public static List<TaskAction> allowedFor(Task task, Actor actor) {
        List<TaskAction> actions = new ArrayList<>();
        for (TaskAction action : TaskAction.values()) {
            if (decide(task, action, actor) == Verdict.ALLOWED) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** The state an action leads to; a check leads on only if every criterion passed. */
    static TaskState target(TaskState from, TaskAction action, boolean allCriteriaPassed) {
        return switch (action) {
            case ASSIGN -> from == TaskState.PLANNED ? TaskState.ASSIGNED : from;
            case START, PROGRESS -> TaskState.IN_PROGRESS;
            case SUBMIT -> TaskState.SUBMITTED;
            case CHECK -> allCriteriaPassed ? TaskState.CHECKED : TaskState.IN_PROGRESS;
            case REJECT -> TaskState.IN_PROGRESS;
            case CONFIRM -> TaskState.CONFIRMED;
            case WAIVE -> TaskState.WAIVED;
        };
    }
}
