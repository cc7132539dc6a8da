package org.expodesk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.plan.schedule.ScheduleService;
import org.expodesk.plan.schedule.ScheduleService.ScheduledTask;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The monitoring view of a plan: per stage, its tasks with their schedule, and what needs attention. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanBoard {

    @Inject
    Clock clock;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    PlanService plan;

    @Inject
    ScheduleService schedules;

    @Inject
    UserService users;

    /** One task on the board. */
    public record Row(Task task, ScheduledTask schedule, String owner, String checker, boolean overdue) {
    }

    /** One stage on the board with its tasks and counts. */
    public record Lane(Stage stage, List<Row> rows, Map<TaskState, Integer> byState, int overdue, int atRisk,
                       int critical) {

        public int count(String state) {
            return byState.getOrDefault(TaskState.valueOf(state), 0);
        }

        public boolean canClose() {
            return !stage.isClosed() && rows.stream().allMatch(r -> r.task().state.isSettled());
        }
    }

    public record Board(Exhibition exhibition, LocalDate today, List<Lane> lanes, int tasks, int overdue, int atRisk,
                        int critical) {
    }

    public Board board(long exhibitionId) {
        Exhibition exhibition = exhibitions.get(exhibitionId);
        LocalDate today = today(exhibition);
        List<Task> tasks = plan.tasks(exhibitionId);
        Map<Long, ScheduledTask> schedule = schedules.schedule(exhibitionId).stream()
                .collect(Collectors.toMap(ScheduledTask::task, Function.identity()));
        Set<Long> people = new HashSet<>();
        tasks.forEach(t -> {
            if (t.ownerId != null) {
                people.add(t.ownerId);
            }
            if (t.checkerId != null) {
                people.add(t.checkerId);
            }
        });
        Map<Long, String> names = users.displayNames(people);
        List<Lane> lanes = new ArrayList<>();
        int overdue = 0;
        int atRisk = 0;
        int critical = 0;
        for (Stage stage : exhibitions.stages(exhibitionId)) {
            List<Row> rows = new ArrayList<>();
            Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
            int laneOverdue = 0;
            int laneRisk = 0;
            int laneCritical = 0;
            for (Task t : tasks) {
                if (!t.stageId.equals(stage.id)) {
                    continue;
                }
                ScheduledTask s = schedule.get(t.id);
                boolean late = isOverdue(t, s, today);
                rows.add(new Row(t, s, names.get(t.ownerId), names.get(t.checkerId), late));
                byState.merge(t.state, 1, Integer::sum);
                laneOverdue += late ? 1 : 0;
                laneRisk += s.atRisk() && !t.state.isSettled() ? 1 : 0;
                laneCritical += s.critical() && !t.state.isSettled() ? 1 : 0;
            }
            lanes.add(new Lane(stage, rows, byState, laneOverdue, laneRisk, laneCritical));
            overdue += laneOverdue;
            atRisk += laneRisk;
            critical += laneCritical;
        }
        return new Board(exhibition, today, lanes, tasks.size(), overdue, atRisk, critical);
    }

    /** Not yet done, and its finish day has passed. */
    static boolean isOverdue(Task task, ScheduledTask schedule, LocalDate today) {
        if (task.state.isSettled() || task.state == TaskState.SUBMITTED || task.state == TaskState.CHECKED) {
            return false;
        }
        return schedule.earlyFinish().isBefore(today) || schedule.deadline().isBefore(today);
    }

    public LocalDate today(Exhibition exhibition) {
        return LocalDate.now(clock.withZone(ZoneId.of(exhibition.timezone)));
    }

    /** Open tasks a staff member owns or checks, across exhibitions, soonest first. */
    public List<Task> tasksOf(long userId) {
        return Task.list("(ownerId = ?1 or checkerId = ?1) and state not in ?2 order by coalesce(dueOn, startOn), id",
                userId, List.of(TaskState.CONFIRMED, TaskState.WAIVED));
    }
}
