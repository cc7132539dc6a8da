-- The one mail outbox: every mail Expodesk sends is a row written in the same transaction as the
-- change that causes it, then delivered by the sender job (docs/mail.md, ADR 0009).
-- mail_key is the caller's identity of the mail, e.g. (rule, edition, recipient): a second
-- enqueue with the same key adds nothing, so a job re-run after a crash cannot duplicate a mail.
CREATE TABLE mail_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    mail_key        VARCHAR(255)  NOT NULL,
    purpose         VARCHAR(100)  NOT NULL,
    exhibition_id   BIGINT        NULL,
    kind            VARCHAR(16)   NOT NULL,
    recipient       VARCHAR(320)  NOT NULL,
    language        VARCHAR(16)   NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    text_body       MEDIUMTEXT    NOT NULL,
    html_body       MEDIUMTEXT    NULL,
    unsubscribe_token VARCHAR(64) NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_by      VARCHAR(100)  NULL,
    claimed_until   DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_mail_outbox_key (mail_key),
    UNIQUE KEY uk_mail_outbox_unsubscribe (unsubscribe_token),
    INDEX ix_mail_outbox_due (status, next_attempt_at),
    INDEX ix_mail_outbox_claim (status, claimed_until),
    INDEX ix_mail_outbox_recipient (recipient),
    INDEX ix_mail_outbox_purpose (purpose, exhibition_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mail_attachment (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    mail_id      BIGINT        NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    content      LONGBLOB      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_mail_attachment_mail FOREIGN KEY (mail_id) REFERENCES mail_outbox (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Addresses that get no mail: UNSUBSCRIBED stops marketing mail only; BOUNCED and BLOCKED stop
-- every mail. The address is stored lower-cased.
CREATE TABLE mail_suppression (
    address    VARCHAR(320)  NOT NULL,
    reason     VARCHAR(16)   NOT NULL,
    detail     VARCHAR(500)  NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (address)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
