package org.expodesk.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.SignedInUser;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.problem.ProblemException;
import org.jboss.logging.Logger;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every job Quartz knows, read from the shared job store through the Scheduler API, and the
 * administrator's levers: pause, resume, run now. A job is named by its identity (the Quartz job
 * name; for {@code @Scheduled} methods the {@code identity} attribute).
 *
 * <p>The Quartz calls run outside any transaction on purpose: with the {@code jdbc-cmt} store
 * they then commit at once, so the scheduler thread that Quartz wakes sees a "run now" trigger
 * immediately instead of at its next idle check.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    static final String ENTITY_TYPE = "Job";

    @Inject
    Scheduler scheduler;

    @Inject
    JobRunRecorder recorder;

    @Inject
    JobRuns runs;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /**
     * Starts the run history and pauses again what an administrator paused: Quarkus replaces each
     * job's trigger when a node starts, which would quietly resume it.
     */
    void onStart(@Observes StartupEvent start) throws SchedulerException {
        scheduler.getListenerManager().addJobListener(recorder);
        List<JobPause> paused = QuarkusTransaction.requiringNew().call(() -> JobPause.<JobPause>listAll());
        for (JobPause pause : paused) {
            Optional<JobKey> key = find(pause.job);
            if (key.isPresent()) {
                scheduler.pauseJob(key.get());
            } else {
                LOG.warnf("Job %s was paused but no longer exists", pause.job);
            }
        }
    }

    public List<JobInfo> list() {
        try {
            List<JobKey> keys = new ArrayList<>();
            for (String group : scheduler.getJobGroupNames()) {
                keys.addAll(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group)));
            }
            keys.sort(Comparator.comparing(JobKey::getName).thenComparing(JobKey::getGroup));
            Map<String, JobRun> latest = runs.latest(keys.stream().map(JobKey::getName).toList());
            List<JobInfo> jobs = new ArrayList<>();
            for (JobKey key : keys) {
                JobInfo job = describe(key, latest.get(key.getName()));
                if (job != null) {
                    jobs.add(job);
                }
            }
            return jobs;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the jobs from Quartz", e);
        }
    }

    /** One job; unknown identities are a 404. */
    public JobInfo get(String identity) {
        JobKey key = require(identity);
        try {
            JobInfo job = describe(key, runs.latest(List.of(key.getName())).get(key.getName()));
            if (job == null) {
                throw ProblemException.notFound("Job");
            }
            return job;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read job " + identity + " from Quartz", e);
        }
    }

    public List<JobRun> runs(String identity, int limit) {
        require(identity);
        return runs.recent(identity, limit);
    }

    public long runCount(String identity) {
        return runs.count(identity);
    }

    /** Pauses every trigger of the job on all nodes, until resumed (restarts included). */
    public JobInfo pause(String identity) {
        JobKey key = require(identity);
        quartz(() -> scheduler.pauseJob(key));
        QuarkusTransaction.requiringNew().run(() -> {
            JobPause pause = JobPause.findById(identity);
            if (pause == null) {
                pause = new JobPause();
                pause.job = identity;
                pause.pausedAt = Instant.now(clock);
                pause.pausedBy = currentUser.get().map(SignedInUser::username).orElse("system");
                pause.persist();
            }
            audit.record(AuditAction.JOB_PAUSED, ENTITY_TYPE, identity, null);
        });
        return get(identity);
    }

    public JobInfo resume(String identity) {
        JobKey key = require(identity);
        quartz(() -> scheduler.resumeJob(key));
        QuarkusTransaction.requiringNew().run(() -> {
            JobPause.deleteById(identity);
            audit.record(AuditAction.JOB_RESUMED, ENTITY_TYPE, identity, null);
        });
        return get(identity);
    }

    /** Fires the job once now, on whichever node picks it up first; its schedule is unchanged. */
    public JobInfo runNow(String identity) {
        JobKey key = require(identity);
        quartz(() -> scheduler.triggerJob(key));
        audit.record(AuditAction.JOB_RUN_REQUESTED, ENTITY_TYPE, identity, null);
        return get(identity);
    }

    private JobKey require(String identity) {
        return find(identity).orElseThrow(() -> ProblemException.notFound("Job"));
    }

    private Optional<JobKey> find(String identity) {
        if (identity == null || identity.isBlank()) {
            return Optional.empty();
        }
        try {
            for (String group : scheduler.getJobGroupNames()) {
                JobKey key = new JobKey(identity, group);
                if (scheduler.checkExists(key)) {
                    return Optional.of(key);
                }
            }
            return Optional.empty();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not look job " + identity + " up in Quartz", e);
        }
    }

    /** The job as it stands, or null when it disappeared meanwhile (another node removed it). */
    private JobInfo describe(JobKey key, JobRun lastRun) throws SchedulerException {
        JobDetail detail = scheduler.getJobDetail(key);
        if (detail == null) {
            return null;
        }
        List<JobInfo.TriggerInfo> triggers = new ArrayList<>();
        for (Trigger trigger : scheduler.getTriggersOfJob(key)) {
            // "run now" leaves a one-off trigger until it fires; it is not part of the schedule
            if (!isRunNow(trigger.getKey())) {
                triggers.add(describe(trigger));
            }
        }
        return new JobInfo(key.getName(), key.getGroup(), detail.getDescription(), stateOf(triggers), triggers, lastRun);
    }

    private JobInfo.TriggerInfo describe(Trigger trigger) throws SchedulerException {
        JobState state = switch (scheduler.getTriggerState(trigger.getKey())) {
            case NORMAL -> JobState.NORMAL;
            case PAUSED -> JobState.PAUSED;
            case BLOCKED -> JobState.BLOCKED;
            case ERROR -> JobState.ERROR;
            case COMPLETE -> JobState.COMPLETE;
            case NONE -> JobState.NONE;
        };
        String kind;
        String schedule;
        if (trigger instanceof CronTrigger cron) {
            kind = "cron";
            schedule = cron.getCronExpression();
        } else if (trigger instanceof SimpleTrigger simple) {
            kind = "interval";
            schedule = Duration.ofMillis(simple.getRepeatInterval()).toString();
        } else {
            kind = "other";
            schedule = trigger.getClass().getSimpleName();
        }
        // Quartz keeps the next fire time of a paused trigger, but it will not fire then
        Instant next = state == JobState.PAUSED || state == JobState.COMPLETE ? null : instant(trigger.getNextFireTime());
        return new JobInfo.TriggerInfo(trigger.getKey().getName(), kind, schedule, state, next,
                instant(trigger.getPreviousFireTime()), MisfirePolicies.name(trigger));
    }

    /** Quartz names the one-off trigger of {@code triggerJob} "MT_…" in the default group, which Quarkus never uses. */
    static boolean isRunNow(TriggerKey key) {
        return Scheduler.DEFAULT_GROUP.equals(key.getGroup()) && key.getName().startsWith("MT_");
    }

    private static JobState stateOf(List<JobInfo.TriggerInfo> triggers) {
        if (triggers.isEmpty()) {
            return JobState.NONE;
        }
        for (JobState worst : List.of(JobState.ERROR, JobState.BLOCKED)) {
            if (triggers.stream().anyMatch(t -> t.state() == worst)) {
                return worst;
            }
        }
        if (triggers.stream().allMatch(t -> t.state() == JobState.PAUSED)) {
            return JobState.PAUSED;
        }
        if (triggers.stream().allMatch(t -> t.state() == JobState.COMPLETE)) {
            return JobState.COMPLETE;
        }
        return JobState.NORMAL;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private interface QuartzCall {
        void run() throws SchedulerException;
    }

    private static void quartz(QuartzCall call) {
        try {
            call.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused the change", e);
        }
    }
}
