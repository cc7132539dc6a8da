package org.expodesk.plan;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.plan.schedule.ScheduleService;
import org.expodesk.plan.schedule.ScheduleService.ScheduledTask;
import org.expodesk.platform.problem.ProblemException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saving the current schedule as a baseline, and reading the latest one back. */
@ApplicationScoped
@Transactional
public class Baselines {

    @Inject
    ExhibitionService exhibitions;

    @Inject
    ScheduleService schedules;

    public Baseline save(long exhibitionId, String name) {
        exhibitions.get(exhibitionId);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.invalid("name", "field_required");
        }
        Baseline baseline = new Baseline();
        baseline.exhibitionId = exhibitionId;
        baseline.name = name.trim();
        baseline.persist();
        for (ScheduledTask s : schedules.schedule(exhibitionId)) {
            BaselineTask row = new BaselineTask();
            row.id = new BaselineTask.Key(baseline.id, s.task());
            row.earlyStart = s.earlyStart();
            row.earlyFinish = s.earlyFinish();
            row.persist();
        }
        return baseline;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Baseline> list(long exhibitionId) {
        return Baseline.list("exhibitionId", Sort.descending("id"), exhibitionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Baseline> latest(long exhibitionId) {
        return Baseline.find("exhibitionId", Sort.descending("id"), exhibitionId).firstResultOptional();
    }

    /** One task's finish in the latest baseline and how many working days it has slipped since. */
    public record Slip(java.time.LocalDate baselineFinish, int slipDays) {
    }

    /** Slip of every task of the schedule against the latest baseline; empty without a baseline. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Slip> slips(long exhibitionId, List<ScheduledTask> schedule) {
        Map<Long, Slip> slips = new HashMap<>();
        Optional<Baseline> baseline = latest(exhibitionId);
        if (baseline.isEmpty()) {
            return slips;
        }
        var calendar = exhibitions.calendar(exhibitionId);
        Map<Long, BaselineTask> saved = dates(baseline.get().id);
        for (ScheduledTask s : schedule) {
            BaselineTask b = saved.get(s.task());
            if (b != null) {
                slips.put(s.task(), new Slip(b.earlyFinish,
                        calendar.indexOnOrBefore(s.earlyFinish()) - calendar.indexOnOrBefore(b.earlyFinish)));
            }
        }
        return slips;
    }

    /** Task id to its dates in the baseline. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, BaselineTask> dates(long baselineId) {
        Map<Long, BaselineTask> byTask = new HashMap<>();
        BaselineTask.<BaselineTask>list("id.baselineId", baselineId).forEach(b -> byTask.put(b.id.taskId(), b));
        return byTask;
    }
}
