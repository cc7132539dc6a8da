package org.expodesk.plan;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tasks of an exhibition's plan and the time chain between them. */
@ApplicationScoped
@Transactional
public class PlanService {

    static final int MAX_DURATION = 1000;
    static final int MAX_LAG = 365;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    jakarta.enterprise.event.Event<PlanChanged> changed;

    public record NewCriterion(String text, String target) {
    }

    public record Link(String task, Integer lagDays, String kind) {
    }

    public record NewTask(String stage, String title, String goal, List<NewCriterion> criteria, String owner,
                          String checker, LocalDate startOn, Integer durationDays, LocalDate dueOn, String priority,
                          Boolean pinned, List<Link> dependsOn) {
    }

    /**
     * Changes to a task; null fields stay as they are ({@code clearStartOn}, {@code clearDueOn} remove
     * those dates). {@code version} must be the one the editor saw.
     */
    public record TaskChanges(Long version, String stage, String title, String goal, String owner, String checker,
                              LocalDate startOn, Integer durationDays, LocalDate dueOn, String priority,
                              Boolean pinned, Boolean clearStartOn, Boolean clearDueOn) {
    }

    public Task create(long exhibitionId, NewTask request) {
        exhibitions.get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        Stage stage = openStage(resolveStage(exhibitionId, request.stage(), errors), errors);
        Task task = new Task();
        task.exhibitionId = exhibitionId;
        task.stageId = stage == null ? null : stage.id;
        task.title = FieldChecks.text(request.title(), "title", 200, true, errors);
        task.goal = FieldChecks.text(request.goal(), "goal", 5000, false, errors);
        task.ownerId = Fields.staff(users, request.owner(), "owner", errors);
        task.checkerId = Fields.staff(users, request.checker(), "checker", errors);
        task.durationDays = duration(request.durationDays(), errors);
        task.startOn = withinHorizon(exhibitionId, request.startOn(), "startOn", errors);
        task.dueOn = withinHorizon(exhibitionId, request.dueOn(), "dueOn", errors);
        task.priority = priority(request.priority(), errors);
        task.pinned = Boolean.TRUE.equals(request.pinned());
        if (task.pinned && task.startOn == null) {
            errors.add(new FieldError("pinned", "task_pinnedNeedsStart"));
        }
        if (task.ownerId != null && task.ownerId.equals(task.checkerId)) {
            errors.add(new FieldError("checker", "task_checkerIsOwner"));
        }
        List<NewCriterion> criteria = request.criteria() == null ? List.of() : request.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            NewCriterion c = criteria.get(i);
            TaskCriterion criterion = new TaskCriterion();
            criterion.task = task;
            criterion.position = i;
            criterion.text = FieldChecks.text(c == null ? null : c.text(), "criteria[" + i + "].text", 500, true, errors);
            criterion.target = c == null ? null : FieldChecks.text(c.target(), "criteria[" + i + "].target", 200, false, errors);
            task.criteria.add(criterion);
        }
        List<Link> links = request.dependsOn() == null ? List.of() : request.dependsOn();
        List<TaskDependency> dependencies = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            String field = "dependsOn[" + i + "]";
            Optional<Task> predecessor = link == null ? Optional.empty() : findInExhibition(exhibitionId, link.task());
            if (predecessor.isEmpty()) {
                errors.add(new FieldError(field + ".task", "task_unknown"));
                continue;
            }
            dependencies.add(dependency(predecessor.get().id, null, link, field, errors));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        task.persist();
        for (TaskDependency dependency : dependencies) {
            dependency.successorId = task.id;
            dependency.persist();
        }
        changed.fire(new PlanChanged(exhibitionId));
        return task;
    }

    public Task update(long taskId, TaskChanges changes) {
        Task task = locked(taskId);
        if (changes.version() == null || changes.version() != task.version) {
            throw ProblemException.conflict("The task was changed by someone else in the meantime (version "
                    + task.version + " now); reload it and apply your change again");
        }
        List<FieldError> errors = new ArrayList<>();
        if (changes.stage() != null) {
            Stage stage = resolveStage(task.exhibitionId, changes.stage(), errors);
            if (stage != null && !stage.id.equals(task.stageId)) {
                stage = openStage(stage, errors);
                if (stage != null) {
                    task.stageId = stage.id;
                }
            }
        }
        if (changes.title() != null) {
            task.title = FieldChecks.text(changes.title(), "title", 200, true, errors);
        }
        if (changes.goal() != null) {
            task.goal = FieldChecks.text(changes.goal(), "goal", 5000, false, errors);
        }
        if (changes.owner() != null) {
            Long owner = changes.owner().isBlank() ? null : Fields.staff(users, changes.owner(), "owner", errors);
            // once assigned, the owner changes only through the recorded 'assign' move
            if (!java.util.Objects.equals(owner, task.ownerId) && task.state != TaskState.PLANNED) {
                errors.add(new FieldError("owner", "task_ownerViaAssign"));
            } else {
                task.ownerId = owner;
            }
        }
        if (changes.checker() != null) {
            Long checker = changes.checker().isBlank() ? null : Fields.staff(users, changes.checker(), "checker", errors);
            if (checker != null && task.workedOnBy(checker)) {
                errors.add(new FieldError("checker", "task_checkerIsOwner"));
            } else {
                task.checkerId = checker;
            }
        }
        if (changes.durationDays() != null) {
            task.durationDays = duration(changes.durationDays(), errors);
        }
        if (changes.startOn() != null) {
            task.startOn = withinHorizon(task.exhibitionId, changes.startOn(), "startOn", errors);
        } else if (Boolean.TRUE.equals(changes.clearStartOn())) {
            task.startOn = null;
        }
        if (changes.dueOn() != null) {
            task.dueOn = withinHorizon(task.exhibitionId, changes.dueOn(), "dueOn", errors);
        } else if (Boolean.TRUE.equals(changes.clearDueOn())) {
            task.dueOn = null;
        }
        if (changes.priority() != null) {
            task.priority = priority(changes.priority(), errors);
        }
        if (changes.pinned() != null) {
            task.pinned = changes.pinned();
            if (task.pinned && task.startOn == null) {
                errors.add(new FieldError("pinned", "task_pinnedNeedsStart"));
            }
        }
        if (task.ownerId != null && task.ownerId.equals(task.checkerId)) {
            errors.add(new FieldError("checker", "task_checkerIsOwner"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        changed.fire(new PlanChanged(task.exhibitionId));
        return task;
    }

    /** This task now follows {@code link.task}. A link that would close a cycle is refused, naming it. */
    public TaskDependency addDependency(long successorId, Link link) {
        Task successor = get(successorId);
        // two links added at once could each pass the cycle check and close a cycle together
        exhibitions.lock(successor.exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        Task predecessor = link == null ? null : findInExhibition(successor.exhibitionId, link.task()).orElse(null);
        if (predecessor == null) {
            throw ProblemException.invalid("task", "task_unknown");
        }
        if (predecessor.id.equals(successor.id)) {
            throw cycle(List.of(successor, successor));
        }
        TaskDependency dependency = dependency(predecessor.id, successor.id, link, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (TaskDependency.count("predecessorId = ?1 and successorId = ?2", predecessor.id, successor.id) > 0) {
            throw ProblemException.conflict("'" + successor.title + "' already follows '" + predecessor.title + "'");
        }
        List<Long> path = pathBetween(successor.exhibitionId, successor.id, predecessor.id);
        if (path != null) {
            List<Task> cycle = new ArrayList<>();
            path.forEach(id -> cycle.add(Task.findById(id)));
            cycle.add(successor);
            throw cycle(cycle);
        }
        dependency.persist();
        changed.fire(new PlanChanged(successor.exhibitionId));
        return dependency;
    }

    /** The chain of task ids from {@code from} to {@code to} along dependencies, or null if none. */
    private List<Long> pathBetween(long exhibitionId, long from, long to) {
        Map<Long, List<Long>> next = new HashMap<>();
        for (TaskDependency d : dependencies(exhibitionId)) {
            next.computeIfAbsent(d.predecessorId, k -> new ArrayList<>()).add(d.successorId);
        }
        Map<Long, Long> cameFrom = new HashMap<>();
        Deque<Long> queue = new ArrayDeque<>(List.of(from));
        Set<Long> seen = new HashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            long current = queue.poll();
            if (current == to) {
                List<Long> path = new ArrayList<>();
                for (Long at = to; at != null; at = cameFrom.get(at)) {
                    path.add(0, at);
                }
                return path;
            }
            for (long following : next.getOrDefault(current, List.of())) {
                if (seen.add(following)) {
                    cameFrom.put(following, current);
                    queue.add(following);
                }
            }
        }
        return null;
    }

    static ProblemException cycle(List<Task> cycle) {
        StringBuilder names = new StringBuilder();
        for (Task t : cycle) {
            names.append(names.isEmpty() ? "" : " → ").append('\'').append(t.title).append("' (").append(t.id).append(')');
        }
        return new ProblemException(Problem.of(ProblemType.VALIDATION, "This dependency would make a cycle: " + names)
                .withErrors(List.of(new FieldError("task", "cycle: " + names))));
    }

    /** Removes the link by which {@code successorId} follows {@code predecessorId}. */
    public void removeDependency(long successorId, long predecessorId) {
        Task successor = get(successorId);
        exhibitions.lock(successor.exhibitionId);
        long removed = TaskDependency.delete("successorId = ?1 and predecessorId = ?2", successorId, predecessorId);
        if (removed == 0) {
            throw ProblemException.notFound("Dependency");
        }
        changed.fire(new PlanChanged(successor.exhibitionId));
    }

    /** The task, its row held until commit: moves and edits of one task take turns. */
    Task locked(long taskId) {
        List<?> found = Task.getEntityManager().createNativeQuery("SELECT id FROM task WHERE id = ?1 FOR UPDATE")
                .setParameter(1, taskId).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Task");
        }
        Task task = get(taskId);
        Task.getEntityManager().refresh(task);
        return task;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Task get(long taskId) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw ProblemException.notFound("Task");
        }
        return task;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Task> tasks(long exhibitionId) {
        return Task.list("exhibitionId", Sort.ascending("stageId", "id"), exhibitionId);
    }

    /** The tasks with their criteria loaded in the same query, for lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Task> tasksWithCriteria(long exhibitionId) {
        return Task.list("select distinct t from Task t left join fetch t.criteria where t.exhibitionId = ?1"
                + " order by t.stageId, t.id", exhibitionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskDependency> dependencies(long exhibitionId) {
        return TaskDependency.list("select d from TaskDependency d, Task t where t.id = d.successorId"
                + " and t.exhibitionId = ?1", exhibitionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskDependency> predecessorsOf(long taskId) {
        return TaskDependency.list("successorId", taskId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskTransition> history(long taskId) {
        return TaskTransition.list("taskId", Sort.ascending("id"), taskId);
    }

    private Optional<Task> findInExhibition(long exhibitionId, String reference) {
        if (reference == null || !reference.trim().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Task.<Task>findByIdOptional(Long.parseLong(reference.trim())).filter(t -> t.exhibitionId == exhibitionId);
    }

    private TaskDependency dependency(long predecessorId, Long successorId, Link link, String field,
                                      List<FieldError> errors) {
        TaskDependency dependency = new TaskDependency();
        dependency.predecessorId = predecessorId;
        dependency.successorId = successorId;
        int lag = link.lagDays() == null ? 0 : link.lagDays();
        if (Math.abs(lag) > MAX_LAG) {
            errors.add(new FieldError(prefixed(field, "lagDays"), "task_lagOutOfRange"));
        }
        dependency.lagDays = lag;
        if (link.kind() != null && !link.kind().isBlank()) {
            try {
                dependency.kind = DependencyKind.valueOf(link.kind().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(prefixed(field, "kind"), "task_dependencyKindInvalid"));
            }
        }
        return dependency;
    }

    private static String prefixed(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** A stage that takes new tasks: not closed, locked until commit so its gate cannot close meanwhile. */
    private Stage openStage(Stage stage, List<FieldError> errors) {
        if (stage == null) {
            return null;
        }
        Stage locked = exhibitions.lockStage(stage.id);
        if (locked.isClosed()) {
            errors.add(new FieldError("stage", "stage_closedForTasks"));
            return null;
        }
        return locked;
    }

    private Stage resolveStage(long exhibitionId, String reference, List<FieldError> errors) {
        try {
            return exhibitions.stage(exhibitionId, reference, "stage");
        } catch (ProblemException e) {
            errors.add(new FieldError("stage", "stage_unknown"));
            return null;
        }
    }

    private static int duration(Integer days, List<FieldError> errors) {
        if (days == null) {
            errors.add(new FieldError("durationDays", "task_durationRequired"));
            return 0;
        }
        if (days < 0 || days > MAX_DURATION) {
            errors.add(new FieldError("durationDays", "task_durationOutOfRange"));
        }
        return days;
    }

    private LocalDate withinHorizon(long exhibitionId, LocalDate day, String field, List<FieldError> errors) {
        if (day == null) {
            return null;
        }
        LocalDate[] horizon = exhibitions.horizon(exhibitionId);
        if (day.isBefore(horizon[0]) || day.isAfter(horizon[1])) {
            errors.add(new FieldError(field, "task_dateOutsideExhibition"));
        }
        return day;
    }

    private static Priority priority(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Priority.NORMAL;
        }
        try {
            return Priority.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("priority", "task_priorityInvalid"));
            return Priority.NORMAL;
        }
    }
}
