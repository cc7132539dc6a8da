package org.expodesk.ops;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The run history of scheduled jobs: written as runs start and end, read by the jobs page, kept bounded. */
@ApplicationScoped
@Transactional
public class JobRuns {

    @Inject
    Clock clock;

    @ConfigProperty(name = "expodesk.jobs.keep-runs-for")
    Duration keepFor;

    @ConfigProperty(name = "expodesk.jobs.keep-runs-per-job")
    int keepPerJob;

    /** Records that a firing began on this node. */
    public void started(String job, String node, String fireId, boolean manual, Instant startedAt) {
        JobRun run = new JobRun();
        run.job = job;
        run.node = node;
        run.fireId = fireId;
        run.manual = manual;
        run.startedAt = startedAt;
        run.outcome = JobOutcome.RUNNING;
        run.persist();
    }

    /**
     * Records how the firing that started at {@code startedAt} on this node ended; a firing whose
     * start was not recorded (it fired before the recorder was listening) gets its row now.
     */
    public void finished(String job, String node, Instant startedAt, JobOutcome outcome, Throwable failure) {
        JobRun run = JobRun.<JobRun>find("job = ?1 and node = ?2 and startedAt = ?3 and outcome = ?4 order by id desc",
                job, node, startedAt, JobOutcome.RUNNING).firstResult();
        if (run == null) {
            run = new JobRun();
            run.job = job;
            run.node = node;
            run.startedAt = startedAt;
        }
        run.finishedAt = Instant.now(clock);
        run.outcome = outcome;
        run.error = failure == null ? null : ErrorText.of(failure);
        if (run.id == null) {
            run.persist();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobRun> recent(String job, int limit) {
        return JobRun.<JobRun>find("job = ?1 order by id desc", job).page(0, limit).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String job) {
        return JobRun.count("job", job);
    }

    /** The latest run of each of these jobs that has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, JobRun> latest(Collection<String> jobs) {
        if (jobs.isEmpty()) {
            return Map.of();
        }
        return JobRun.<JobRun>list("id in (select max(r.id) from JobRun r where r.job in ?1 group by r.job)", jobs)
                .stream().collect(Collectors.toMap(r -> r.job, Function.identity()));
    }

    /** Drops runs older than the configured age, and all but the newest runs of each job. */
    @Scheduled(identity = "ops-job-run-prune", cron = "0 23 * * * ?")
    void prune() {
        Instant cutoff = Instant.now(clock).minus(keepFor);
        JobRun.delete("startedAt < ?1", cutoff);
        List<String> crowded = JobRun.getEntityManager()
                .createQuery("select r.job from JobRun r group by r.job having count(r) > ?1", String.class)
                .setParameter(1, (long) keepPerJob).getResultList();
        for (String job : crowded) {
            prune(job, cutoff, keepPerJob);
        }
    }

    /** Keeps the newest {@code keep} runs of one job that started after {@code cutoff}. */
    void prune(String job, Instant cutoff, int keep) {
        JobRun.delete("job = ?1 and startedAt < ?2", job, cutoff);
        List<Long> oldestKept = JobRun.getEntityManager()
                .createQuery("select r.id from JobRun r where r.job = ?1 order by r.id desc", Long.class)
                .setParameter(1, job).setFirstResult(keep - 1).setMaxResults(1).getResultList();
        if (!oldestKept.isEmpty()) {
            JobRun.delete("job = ?1 and id < ?2", job, oldestKept.get(0));
        }
    }
}
