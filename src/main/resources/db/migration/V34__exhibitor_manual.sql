-- The exhibitor manual and deadlines of an edition, which before-the-show reminders mail to the
-- edition's exhibitors and the portal shows them (docs/followup.md).
CREATE TABLE exhibitor_manual (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT        NOT NULL,
    url           VARCHAR(1000) NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_exhibitor_manual_exhibition (exhibition_id),
    CONSTRAINT fk_exhibitor_manual_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE exhibitor_deadline (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT       NOT NULL,
    title         VARCHAR(200) NOT NULL,
    due_on        DATE         NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_exhibitor_deadline_exhibition (exhibition_id, due_on),
    CONSTRAINT fk_exhibitor_deadline_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
