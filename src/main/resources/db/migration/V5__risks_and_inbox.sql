-- Contingency plans (紧急预案): a risk register per exhibition, each risk with prepared response
-- tasks that are put into the live plan when the risk is activated.
CREATE TABLE risk (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    exhibition_id     BIGINT        NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    likelihood        INT           NOT NULL,
    impact            INT           NOT NULL,
    trigger_text      VARCHAR(1000) NULL,
    response_plan     TEXT          NULL,
    owner_id          BIGINT        NULL,
    state             VARCHAR(16)   NOT NULL,
    activated_at      DATETIME(6)   NULL,
    activated_by      VARCHAR(64)   NULL,
    activation_reason VARCHAR(1000) NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_risk_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_risk_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
    INDEX ix_risk_exhibition (exhibition_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE risk_response (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    risk_id       BIGINT        NOT NULL,
    position      INT           NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    stage_code    VARCHAR(32)   NULL,
    duration_days INT           NOT NULL,
    owner_id      BIGINT        NULL,
    criteria      VARCHAR(2000) NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_risk_response_risk FOREIGN KEY (risk_id) REFERENCES risk (id) ON DELETE CASCADE,
    CONSTRAINT fk_risk_response_owner FOREIGN KEY (owner_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE task ADD COLUMN risk_id BIGINT NULL,
    ADD CONSTRAINT fk_task_risk FOREIGN KEY (risk_id) REFERENCES risk (id);

-- In-app notifications: one row per person and thing to be told, once.
CREATE TABLE notification (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    user_id    BIGINT        NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    dedup_key  VARCHAR(200)  NOT NULL,
    link       VARCHAR(300)  NULL,
    subject    VARCHAR(300)  NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    read_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_dedup UNIQUE (user_id, dedup_key),
    CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    INDEX ix_notification_unread (user_id, read_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
