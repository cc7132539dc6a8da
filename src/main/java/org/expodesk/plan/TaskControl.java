package org.expodesk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Moves tasks through the control loop ({@link ControlLoop}) and keeps their history. */
@ApplicationScoped
@Transactional
public class TaskControl {

    @Inject
    Clock clock;

    @Inject
    PlanService plan;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    jakarta.enterprise.event.Event<PlanChanged> changed;

    /** The checker's verdict on one criterion. */
    public record CriterionResult(Long criterion, Boolean passed, String note) {
    }

    public record Move(String action, String comment, List<CriterionResult> results, String owner, Integer percentComplete,
                       LocalDate forecastFinish) {
    }

    /** Who acts: their user id, name, and whether they are an administrator. */
    public record Mover(long userId, String username, boolean admin) {
        ControlLoop.Actor actor() {
            return new ControlLoop.Actor(userId, admin);
        }
    }

    public Task move(long taskId, Move move, Mover mover) {
        Task task = plan.locked(taskId);
        TaskAction action = TaskAction.parse(move.action())
                .orElseThrow(() -> ProblemException.invalid("action", "task_actionUnknown"));
        ControlLoop.Verdict verdict = ControlLoop.decide(task, action, mover.actor());
        switch (verdict) {
            case ALLOWED -> { }
            case WRONG_STATE -> throw new ProblemException(Problem.of(ProblemType.CONFLICT,
                    "'" + action.apiName() + "' is not possible while the task is " + task.state)
                    .withAllowed(ControlLoop.allowedFor(task, mover.actor()).stream().map(TaskAction::apiName).toList()));
            case FOUR_EYES -> throw new ProblemException(Problem.of(ProblemType.FORBIDDEN,
                    "Four eyes: the owner of a task cannot " + action.apiName() + " it"));
            case NOT_OWNER -> throw new ProblemException(Problem.of(ProblemType.FORBIDDEN,
                    "Only the task's owner can " + action.apiName() + " it"));
            case NOT_CHECKER -> throw new ProblemException(Problem.of(ProblemType.FORBIDDEN,
                    "Only the task's checker can " + action.apiName() + " it"));
        }
        TaskState from = task.state;
        String comment = blankToNull(move.comment());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(exhibitions.get(task.exhibitionId).timezone)));
        boolean allPassed = true;
        switch (action) {
            case ASSIGN -> assign(task, move.owner());
            case START -> {
                requireOwner(task);
                task.actualStart = today;
                task.startedBy = mover.userId();
            }
            case PROGRESS -> progress(task, move);
            case SUBMIT -> {
                task.percentComplete = 100;
                task.actualFinish = today;
                task.submittedBy = mover.userId();
            }
            case CHECK -> {
                allPassed = recordResults(task, move.results());
                if (!allPassed) {
                    comment = failedCriteria(task, comment);
                    action = TaskAction.REJECT;
                    task.actualFinish = null;
                }
            }
            case REJECT -> {
                if (comment == null) {
                    throw ProblemException.invalid("comment", "task_reasonRequired");
                }
                task.actualFinish = null;
            }
            case CONFIRM -> { }
            case WAIVE -> {
                if (comment == null) {
                    throw ProblemException.invalid("comment", "task_reasonRequired");
                }
                task.waiveReason = comment.length() > 500 ? comment.substring(0, 500) : comment;
            }
        }
        task.state = ControlLoop.target(from, action, allPassed);
        TaskTransition step = new TaskTransition();
        step.taskId = task.id;
        step.occurredAt = Instant.now(clock);
        step.actorId = mover.userId();
        step.actorName = mover.username();
        step.action = action;
        step.fromState = from;
        step.toState = task.state;
        step.comment = comment != null && comment.length() > 2000 ? comment.substring(0, 2000) : comment;
        step.persist();
        changed.fire(new PlanChanged(task.exhibitionId));
        return task;
    }

    private void assign(Task task, String owner) {
        if (owner != null && !owner.isBlank()) {
            UserAccount user = users.findStaff(owner)
                    .orElseThrow(() -> ProblemException.invalid("owner", "task_unknownStaff"));
            if (user.id.equals(task.checkerId)) {
                throw ProblemException.invalid("owner", "task_checkerIsOwner");
            }
            task.ownerId = user.id;
        }
        requireOwner(task);
    }

    private static void requireOwner(Task task) {
        if (task.ownerId == null) {
            throw ProblemException.invalid("owner", "task_ownerRequired");
        }
    }

    private void progress(Task task, Move move) {
        List<FieldError> errors = new ArrayList<>();
        if (move.percentComplete() != null) {
            if (move.percentComplete() < 0 || move.percentComplete() > 100) {
                errors.add(new FieldError("percentComplete", "task_percentOutOfRange"));
            } else {
                task.percentComplete = move.percentComplete();
            }
        }
        if (move.forecastFinish() != null) {
            LocalDate[] horizon = exhibitions.horizon(task.exhibitionId);
            if (move.forecastFinish().isBefore(horizon[0]) || move.forecastFinish().isAfter(horizon[1])) {
                errors.add(new FieldError("forecastFinish", "task_dateOutsideExhibition"));
            } else {
                task.forecastFinish = move.forecastFinish();
            }
        }
        if (move.percentComplete() == null && move.forecastFinish() == null) {
            errors.add(new FieldError("percentComplete", "task_progressEmpty"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Stores the checker's verdicts; every criterion needs one. True if all passed. */
    private static boolean recordResults(Task task, List<CriterionResult> results) {
        Map<Long, CriterionResult> byCriterion = new HashMap<>();
        if (results != null) {
            for (CriterionResult r : results) {
                if (r != null && r.criterion() != null) {
                    byCriterion.put(r.criterion(), r);
                }
            }
        }
        List<FieldError> errors = new ArrayList<>();
        boolean allPassed = true;
        for (int i = 0; i < task.criteria.size(); i++) {
            TaskCriterion criterion = task.criteria.get(i);
            CriterionResult result = byCriterion.get(criterion.id);
            if (result == null || result.passed() == null) {
                errors.add(new FieldError("results[" + i + "]", "task_resultMissing"));
                continue;
            }
            criterion.passed = result.passed();
            criterion.note = blankToNull(result.note());
            allPassed &= result.passed();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return allPassed;
    }

    private static String failedCriteria(Task task, String comment) {
        StringBuilder reasons = new StringBuilder(comment == null ? "" : comment);
        for (TaskCriterion c : task.criteria) {
            if (Boolean.FALSE.equals(c.passed)) {
                reasons.append(reasons.isEmpty() ? "" : "\n").append("✗ ").append(c.text);
                if (c.note != null) {
                    reasons.append(": ").append(c.note);
                }
            }
        }
        return reasons.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
