-- The run history of scheduled jobs (ops.JobRunRecorder): one row per firing, written by the
-- node that ran it, kept bounded by ops.JobRuns.prune. And the jobs an administrator paused:
-- Quarkus re-creates every job's trigger at each start, which would silently resume them.
CREATE TABLE job_run (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    job          VARCHAR(200)  NOT NULL,
    node         VARCHAR(200)  NOT NULL,
    fire_id      VARCHAR(95)   NULL,
    manual       BOOLEAN       NOT NULL DEFAULT FALSE,
    started_at   DATETIME(6)   NOT NULL,
    finished_at  DATETIME(6)   NULL,
    outcome      VARCHAR(16)   NOT NULL,
    error        VARCHAR(300)  NULL,
    PRIMARY KEY (id),
    INDEX ix_job_run_job (job, id),
    INDEX ix_job_run_fired (job, node, started_at),
    INDEX ix_job_run_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE job_pause (
    job          VARCHAR(200)  NOT NULL,
    paused_at    DATETIME(6)   NOT NULL,
    paused_by    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (job)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
