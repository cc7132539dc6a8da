package org.expodesk.bench;

import org.expodesk.exhibition.WorkingCalendar;
import org.expodesk.plan.schedule.CriticalPath;
import org.expodesk.plan.schedule.Network;
import org.expodesk.plan.schedule.Schedule;
import org.expodesk.plan.schedule.ScheduleService.ScheduledTask;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated plan as {@code ScheduleService} holds it once the rows are loaded: task ids, calendar
 * dates, dependencies by task id. {@link #schedule()} does what the service does with them: build the
 * exhibition's calendar, number the days, run the critical path method, turn the numbers back into
 * dates.
 */
final class LoadedPlan {

    /** The exhibition whose working-day calendar the plan runs on. */
    record Show(LocalDate opensOn, LocalDate closesOn, LocalDate onSiteFrom, LocalDate onSiteUntil,
                Set<LocalDate> holidays) {

        WorkingCalendar calendar() {
            return new WorkingCalendar(opensOn, closesOn, onSiteFrom, onSiteUntil, holidays);
        }
    }

    record Result(Schedule schedule, List<ScheduledTask> tasks) {
    }

    private final Show show;
    private final long[] taskId;
    private final String[] title;
    private final long[] stageId;
    private final int[] durationDays;
    private final LocalDate[] startOn;
    private final boolean[] pinned;
    private final LocalDate[] dueOn;
    private final LocalDate[] actualStart;
    private final LocalDate[] actualFinish;
    private final LocalDate[] forecastFinish;
    private final long[] predecessorId;
    private final long[] successorId;
    private final boolean[] startToStart;
    private final int[] lagDays;

    private LoadedPlan(Show show, long[] taskId, String[] title, long[] stageId, int[] durationDays,
                       LocalDate[] startOn, boolean[] pinned, LocalDate[] dueOn, LocalDate[] actualStart,
                       LocalDate[] actualFinish, LocalDate[] forecastFinish, long[] predecessorId,
                       long[] successorId, boolean[] startToStart, int[] lagDays) {
        this.show = show;
        this.taskId = taskId;
        this.title = title;
        this.stageId = stageId;
        this.durationDays = durationDays;
        this.startOn = startOn;
        this.pinned = pinned;
        this.dueOn = dueOn;
        this.actualStart = actualStart;
        this.actualFinish = actualFinish;
        this.forecastFinish = forecastFinish;
        this.predecessorId = predecessorId;
        this.successorId = successorId;
        this.startToStart = startToStart;
        this.lagDays = lagDays;
    }

    /** Task {@code i} of the plan gets id {@code 1000 + i}, as if it had been stored. */
    static LoadedPlan of(PlanGenerator.Plan plan, Show show) {
        Network net = plan.network();
        WorkingCalendar calendar = show.calendar();
        int n = net.size();
        long[] ids = new long[n];
        String[] titles = new String[n];
        long[] stages = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000L + i;
            titles[i] = "Task " + i;
        }
        for (int r = 0; r < n; r++) {
            stages[plan.topologicalOrder()[r]] = 1L + plan.stageOfRank(r);
        }
        int m = net.edges();
        long[] pred = new long[m];
        long[] succ = new long[m];
        for (int e = 0; e < m; e++) {
            pred[e] = ids[net.pred()[e]];
            succ[e] = ids[net.succ()[e]];
        }
        return new LoadedPlan(show, ids, titles, stages, net.duration().clone(), days(calendar, net.notBefore()),
                net.pinned().clone(), days(calendar, net.deadline()), days(calendar, net.actualStart()),
                days(calendar, net.actualFinish()), days(calendar, net.forecastFinish()), pred, succ,
                net.startToStart().clone(), net.lag().clone());
    }

    /** The same plan with one task now forecast to finish on {@code day}. */
    LoadedPlan withForecast(int task, LocalDate day) {
        LocalDate[] forecast = forecastFinish.clone();
        forecast[task] = day;
        return new LoadedPlan(show, taskId, title, stageId, durationDays, startOn, pinned, dueOn, actualStart,
                actualFinish, forecast, predecessorId, successorId, startToStart, lagDays);
    }

    /** The body of {@code ScheduleService.schedule} after its queries. */
    Result schedule() {
        WorkingCalendar calendar = show.calendar();
        int n = taskId.length;
        Map<Long, Integer> index = new HashMap<>();
        int[] notBefore = new int[n];
        int[] deadline = new int[n];
        int[] started = new int[n];
        int[] finished = new int[n];
        int[] forecast = new int[n];
        for (int i = 0; i < n; i++) {
            index.put(taskId[i], i);
            notBefore[i] = calendar.indexOnOrAfter(startOn[i]);
            deadline[i] = calendar.indexOnOrBefore(dueOn[i]);
            started[i] = actualStart[i] == null ? Network.NONE : calendar.indexOnOrAfter(actualStart[i]);
            finished[i] = actualFinish[i] == null ? Network.NONE : calendar.indexOnOrBefore(actualFinish[i]);
            forecast[i] = forecastFinish[i] == null ? Network.NONE : calendar.indexOnOrBefore(forecastFinish[i]);
        }
        int m = predecessorId.length;
        int[] pred = new int[m];
        int[] succ = new int[m];
        for (int e = 0; e < m; e++) {
            pred[e] = index.get(predecessorId[e]);
            succ[e] = index.get(successorId[e]);
        }
        Schedule s = CriticalPath.schedule(new Network(durationDays, notBefore, deadline, pinned, started, finished,
                forecast, pred, succ, startToStart, lagDays));

        List<ScheduledTask> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new ScheduledTask(taskId[i], title[i], stageId[i], calendar.day(s.earlyStart()[i]),
                    finishDay(calendar, s.earlyStart()[i], s.earlyFinish()[i]), calendar.day(s.lateStart()[i]),
                    finishDay(calendar, s.lateStart()[i], s.lateFinish()[i]), s.slack(i), s.critical()[i],
                    s.atRisk()[i], s.conflict()[i], dueOn[i]));
        }
        return new Result(s, result);
    }

    private static LocalDate finishDay(WorkingCalendar calendar, int start, int exclusiveFinish) {
        return exclusiveFinish > start ? calendar.day(exclusiveFinish - 1) : calendar.day(start);
    }

    private static LocalDate[] days(WorkingCalendar calendar, int[] numbers) {
        LocalDate[] days = new LocalDate[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            days[i] = numbers[i] == Network.NONE ? null : calendar.day(numbers[i]);
        }
        return days;
    }
}
