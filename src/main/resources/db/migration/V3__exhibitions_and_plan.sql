-- Exhibitions (editions of a show series) with their stages and working-day calendar, and the
-- plan: controlled tasks, their acceptance criteria, dependencies and transition history.

CREATE TABLE show_series (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    code       VARCHAR(32)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_show_series_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE exhibition (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    series_id        BIGINT       NOT NULL,
    code             VARCHAR(32)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    venue            VARCHAR(200) NOT NULL,
    city             VARCHAR(100) NOT NULL,
    timezone         VARCHAR(64)  NOT NULL,
    build_up_from    DATE         NULL,
    opens_on         DATE         NOT NULL,
    closes_on        DATE         NOT NULL,
    tear_down_until  DATE         NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_exhibition_code UNIQUE (code),
    CONSTRAINT fk_exhibition_series FOREIGN KEY (series_id) REFERENCES show_series (id),
    INDEX ix_exhibition_opens (opens_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stage (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT       NOT NULL,
    position      INT          NOT NULL,
    code          VARCHAR(32)  NOT NULL,
    name          VARCHAR(200) NULL,
    starts_on     DATE         NOT NULL,
    ends_on       DATE         NOT NULL,
    manager_id    BIGINT       NULL,
    closed_at     DATETIME(6)  NULL,
    closed_by     VARCHAR(64)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_stage_code UNIQUE (exhibition_id, code),
    CONSTRAINT fk_stage_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_stage_manager FOREIGN KEY (manager_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Declared days off of one exhibition's calendar; Saturdays and Sundays are off unless they are
-- build-up, show or tear-down days.
CREATE TABLE holiday (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT       NOT NULL,
    day           DATE         NOT NULL,
    name          VARCHAR(200) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_holiday_day UNIQUE (exhibition_id, day),
    CONSTRAINT fk_holiday_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE task (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id     BIGINT       NOT NULL,
    stage_id          BIGINT       NOT NULL,
    title             VARCHAR(200) NOT NULL,
    goal              TEXT         NULL,
    owner_id          BIGINT       NULL,
    checker_id        BIGINT       NULL,
    priority          VARCHAR(16)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    start_on          DATE         NULL,
    duration_days     INT          NOT NULL,
    due_on            DATE         NULL,
    pinned            BOOLEAN      NOT NULL DEFAULT FALSE,
    percent_complete  INT          NOT NULL DEFAULT 0,
    forecast_finish   DATE         NULL,
    actual_start      DATE         NULL,
    actual_finish     DATE         NULL,
    waive_reason      VARCHAR(500) NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_task_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_task_stage FOREIGN KEY (stage_id) REFERENCES stage (id),
    CONSTRAINT fk_task_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
    CONSTRAINT fk_task_checker FOREIGN KEY (checker_id) REFERENCES user_account (id),
    INDEX ix_task_exhibition_stage (exhibition_id, stage_id),
    INDEX ix_task_owner_state (owner_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE task_criterion (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    task_id     BIGINT       NOT NULL,
    position    INT          NOT NULL,
    text        VARCHAR(500) NOT NULL,
    target      VARCHAR(200) NULL,
    passed      BOOLEAN      NULL,
    note        VARCHAR(1000) NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_task_criterion_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE,
    INDEX ix_task_criterion_task (task_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE task_dependency (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    predecessor_id  BIGINT      NOT NULL,
    successor_id    BIGINT      NOT NULL,
    kind            VARCHAR(2)  NOT NULL,
    lag_days        INT         NOT NULL DEFAULT 0,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_task_dependency UNIQUE (predecessor_id, successor_id),
    CONSTRAINT fk_task_dependency_pred FOREIGN KEY (predecessor_id) REFERENCES task (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_dependency_succ FOREIGN KEY (successor_id) REFERENCES task (id) ON DELETE CASCADE,
    INDEX ix_task_dependency_succ (successor_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only history of the control loop.
CREATE TABLE task_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    task_id     BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor_id    BIGINT        NULL,
    actor_name  VARCHAR(64)   NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    from_state  VARCHAR(16)   NOT NULL,
    to_state    VARCHAR(16)   NOT NULL,
    comment     VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_task_transition_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE,
    INDEX ix_task_transition_task (task_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
