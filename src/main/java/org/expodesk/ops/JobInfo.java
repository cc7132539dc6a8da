package org.expodesk.ops;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A job Quartz knows, with its triggers and its latest recorded run. */
public record JobInfo(String identity, String group, String description, JobState state, List<TriggerInfo> triggers,
                      JobRun lastRun) {

    /** One trigger of a job. {@code schedule} is a cron expression or an ISO-8601 interval. */
    public record TriggerInfo(String identity, String kind, String schedule, JobState state, Instant nextFireTime,
                              Instant previousFireTime, String misfirePolicy) {
    }

    /** The next time any trigger fires; none while the job is paused. */
    public Instant nextFireTime() {
        return triggers.stream().map(TriggerInfo::nextFireTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    public Instant previousFireTime() {
        return triggers.stream().map(TriggerInfo::previousFireTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    public boolean paused() {
        return state == JobState.PAUSED;
    }
}
