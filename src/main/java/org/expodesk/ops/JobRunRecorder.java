package org.expodesk.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.SkippedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import java.time.Instant;

/**
 * Writes every firing of every job into the run history, on the node that ran it.
 *
 * <p>The start comes from Quartz ({@link JobListener#jobToBeExecuted}). The end does not, for
 * {@code @Scheduled} methods: Quarkus hands them to a worker thread and returns to Quartz at once,
 * and keeps their exceptions to itself. Their end comes from the events Quarkus fires when the
 * method returns or throws; jobs that are plain Quartz {@code Job}s end in
 * {@link JobListener#jobWasExecuted}. A broken history never stops a job: failures to record are
 * logged and dropped.
 */
@ApplicationScoped
public class JobRunRecorder implements JobListener {

    private static final Logger LOG = Logger.getLogger(JobRunRecorder.class);
    private static final String QUARKUS_INVOKER_JOBS = "io.quarkus.quartz.runtime.QuartzSchedulerImpl$";

    @Inject
    Scheduler scheduler;

    @Inject
    JobRuns runs;

    private volatile String node;

    @Override
    public String getName() {
        return "expodesk-job-runs";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        String job = context.getJobDetail().getKey().getName();
        boolean manual = Jobs.isRunNow(context.getTrigger().getKey());
        record(job, () -> runs.started(job, node(), context.getFireInstanceId(), manual,
                context.getFireTime().toInstant()));
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        String job = context.getJobDetail().getKey().getName();
        record(job, () -> runs.finished(job, node(), context.getFireTime().toInstant(), JobOutcome.SKIPPED, null));
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        if (context.getJobDetail().getJobClass().getName().startsWith(QUARKUS_INVOKER_JOBS)) {
            return;
        }
        String job = context.getJobDetail().getKey().getName();
        Instant firedAt = context.getFireTime().toInstant();
        if (failure == null) {
            record(job, () -> runs.finished(job, node(), firedAt, JobOutcome.SUCCEEDED, null));
        } else {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            record(job, () -> runs.finished(job, node(), firedAt, JobOutcome.FAILED, cause));
        }
    }

    void succeeded(@Observes SuccessfulExecution event) {
        finished(event.getExecution(), JobOutcome.SUCCEEDED, null);
    }

    void failed(@Observes FailedExecution event) {
        finished(event.getExecution(), JobOutcome.FAILED, event.getException());
    }

    void skipped(@Observes SkippedExecution event) {
        finished(event.getExecution(), JobOutcome.SKIPPED, null);
    }

    private void finished(ScheduledExecution execution, JobOutcome outcome, Throwable failure) {
        String job = execution.getTrigger().getId();
        Instant firedAt = execution.getFireTime();
        record(job, () -> runs.finished(job, node(), firedAt, outcome, failure));
    }

    private void record(String job, Runnable write) {
        try {
            QuarkusTransaction.requiringNew().run(write);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record a run of job %s", job);
        }
    }

    /** This node's Quartz instance id, which names it in the cluster. */
    String node() {
        if (node == null) {
            try {
                node = scheduler.getSchedulerInstanceId();
            } catch (SchedulerException e) {
                throw new IllegalStateException("Quartz does not name this node", e);
            }
        }
        return node;
    }
}
