-- A saved plan: each task's early dates at the moment it was saved, to show slip against it.
CREATE TABLE plan_baseline (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_plan_baseline_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    INDEX ix_plan_baseline_exhibition (exhibition_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_baseline_task (
    baseline_id  BIGINT NOT NULL,
    task_id      BIGINT NOT NULL,
    early_start  DATE   NOT NULL,
    early_finish DATE   NOT NULL,
    PRIMARY KEY (baseline_id, task_id),
    CONSTRAINT fk_plan_baseline_task_baseline FOREIGN KEY (baseline_id) REFERENCES plan_baseline (id) ON DELETE CASCADE,
    CONSTRAINT fk_plan_baseline_task_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
