-- Conventions (docs/architecture.md): ids BIGINT AUTO_INCREMENT; instants DATETIME(6) in UTC;
-- money DECIMAL(19,4) with a CHAR(3) currency; utf8mb4 everywhere; InnoDB.

CREATE TABLE user_account (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    username            VARCHAR(64)  NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    email               VARCHAR(254) NULL,
    role                VARCHAR(16)  NOT NULL,
    organization_id     BIGINT       NULL,
    password_hash       VARCHAR(255) NULL,
    password_changed_at DATETIME(6)  NULL,
    locale              VARCHAR(16)  NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(6)  NULL,
    last_login_at       DATETIME(6)  NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_user_account_username UNIQUE (username),
    INDEX ix_user_account_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Page sessions, API tokens, one-time setup links (and, later, scanner device tokens): a random
-- secret handed out once, of which only the SHA-256 is kept.
CREATE TABLE auth_credential (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    user_id      BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    name         VARCHAR(100) NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL,
    revoked_at   DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_auth_credential_token UNIQUE (token_hash),
    CONSTRAINT fk_auth_credential_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    INDEX ix_auth_credential_user_kind (user_id, kind),
    INDEX ix_auth_credential_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: the application inserts and reads, never updates or deletes.
CREATE TABLE audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)  NOT NULL,
    actor_id    BIGINT       NULL,
    actor_name  VARCHAR(64)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    entity_type VARCHAR(64)  NULL,
    entity_id   VARCHAR(64)  NULL,
    changes     TEXT         NULL,
    detail      VARCHAR(500) NULL,
    client_ip   VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_log_occurred (occurred_at),
    INDEX ix_audit_log_entity (entity_type, entity_id),
    INDEX ix_audit_log_actor (actor_name, occurred_at),
    INDEX ix_audit_log_action (action, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
