package org.expodesk.plan.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.exhibition.WorkingCalendar;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.Task;
import org.expodesk.plan.TaskDependency;
import org.expodesk.plan.DependencyKind;
import org.expodesk.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Schedules an exhibition's plan on its working-day calendar and reports dates, slack and risks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScheduleService {

    @Inject
    PlanService plan;

    @Inject
    ExhibitionService exhibitions;

    /** One task's place in the schedule, in calendar dates (finish = last working day). */
    public record ScheduledTask(long task, String title, long stage, LocalDate earlyStart, LocalDate earlyFinish,
                                LocalDate lateStart, LocalDate lateFinish, int slackDays, boolean critical,
                                boolean atRisk, boolean conflict, LocalDate deadline) {
    }

    public List<ScheduledTask> schedule(long exhibitionId) {
        exhibitions.get(exhibitionId);
        List<Task> tasks = plan.tasks(exhibitionId);
        List<TaskDependency> links = plan.dependencies(exhibitionId);
        Map<Long, Stage> stages = exhibitions.stages(exhibitionId).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        WorkingCalendar calendar = exhibitions.calendar(exhibitionId);

        int n = tasks.size();
        Map<Long, Integer> index = new HashMap<>();
        int[] duration = new int[n];
        int[] notBefore = new int[n];
        int[] deadline = new int[n];
        boolean[] pinned = new boolean[n];
        int[] actualStart = new int[n];
        int[] actualFinish = new int[n];
        int[] forecast = new int[n];
        LocalDate[] deadlineDay = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Task t = tasks.get(i);
            index.put(t.id, i);
            Stage stage = stages.get(t.stageId);
            // a waived task's work will not be done: it holds up nothing
            boolean waived = t.state == org.expodesk.plan.TaskState.WAIVED && t.actualFinish == null;
            duration[i] = waived ? 0 : t.durationDays;
            LocalDate earliest = t.startOn != null && t.startOn.isAfter(stage.startsOn) ? t.startOn : stage.startsOn;
            pinned[i] = t.pinned && t.startOn != null;
            notBefore[i] = calendar.indexOnOrAfter(pinned[i] ? t.startOn : earliest);
            deadlineDay[i] = t.dueOn != null && t.dueOn.isBefore(stage.endsOn) ? t.dueOn : stage.endsOn;
            deadline[i] = calendar.indexOnOrBefore(deadlineDay[i]);
            actualStart[i] = t.actualStart == null ? Network.NONE : calendar.indexOnOrAfter(t.actualStart);
            actualFinish[i] = t.actualFinish == null ? Network.NONE : calendar.indexOnOrBefore(t.actualFinish);
            forecast[i] = t.forecastFinish == null || waived ? Network.NONE : calendar.indexOnOrBefore(t.forecastFinish);
        }
        List<TaskDependency> usable = new ArrayList<>();
        for (TaskDependency d : links) {
            if (index.containsKey(d.predecessorId) && index.containsKey(d.successorId)) {
                usable.add(d);
            }
        }
        int m = usable.size();
        int[] pred = new int[m];
        int[] succ = new int[m];
        boolean[] ss = new boolean[m];
        int[] lag = new int[m];
        for (int e = 0; e < m; e++) {
            TaskDependency d = usable.get(e);
            pred[e] = index.get(d.predecessorId);
            succ[e] = index.get(d.successorId);
            ss[e] = d.kind == DependencyKind.SS;
            lag[e] = d.lagDays;
        }
        Schedule s;
        try {
            s = CriticalPath.schedule(new Network(duration, notBefore, deadline, pinned, actualStart, actualFinish,
                    forecast, pred, succ, ss, lag));
        } catch (CriticalPath.CycleException cycle) {
            // links are checked one at a time under a lock, so this means data written some other way
            StringBuilder names = new StringBuilder();
            for (int i : cycle.cycle()) {
                names.append(names.isEmpty() ? "" : " → ").append('\'').append(tasks.get(i).title).append('\'');
            }
            throw ProblemException.conflict("The plan's dependencies form a cycle: " + names
                    + "; remove one of these links");
        }

        List<ScheduledTask> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Task t = tasks.get(i);
            result.add(new ScheduledTask(t.id, t.title, t.stageId, calendar.day(s.earlyStart()[i]),
                    finishDay(calendar, s.earlyStart()[i], s.earlyFinish()[i]), calendar.day(s.lateStart()[i]),
                    finishDay(calendar, s.lateStart()[i], s.lateFinish()[i]), s.slack(i), s.critical()[i],
                    s.atRisk()[i], s.conflict()[i], deadlineDay[i]));
        }
        return result;
    }

    private static LocalDate finishDay(WorkingCalendar calendar, int start, int exclusiveFinish) {
        return exclusiveFinish > start ? calendar.day(exclusiveFinish - 1) : calendar.day(start);
    }
}
