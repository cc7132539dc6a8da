-- Lead retrieval (docs/leads.md): an exhibitor's qualifying questions per edition, its leads (one
-- per visitor and edition) and every scan that led to one, kept by the client's scan id so that a
-- scan sent again after a lost answer is recorded once.
CREATE TABLE lead_question (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    exhibition_id   BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    position        INT           NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    label           VARCHAR(200)  NOT NULL,
    choices         VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_lead_question_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_lead_question_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    INDEX ix_lead_question_owner (organization_id, exhibition_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    exhibition_id   BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    person_id       BIGINT        NOT NULL,
    badge_id        BIGINT        NOT NULL,
    category_code   VARCHAR(16)   NOT NULL,
    rating          VARCHAR(8)    NULL,
    notes           TEXT          NULL,
    tags            VARCHAR(500)  NULL,
    answers         TEXT          NULL,
    first_scanned_at DATETIME(6)  NOT NULL,
    last_scanned_at DATETIME(6)   NOT NULL,
    scanned_by      VARCHAR(64)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_lead_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_lead_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_lead_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_lead_badge FOREIGN KEY (badge_id) REFERENCES badge (id),
    CONSTRAINT uk_lead_visitor UNIQUE (organization_id, exhibition_id, person_id),
    INDEX ix_lead_edition (exhibition_id, organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_scan (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    lead_id         BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    scan_id         VARCHAR(64)   NOT NULL,
    scanned_at      DATETIME(6)   NOT NULL,
    scanned_by      VARCHAR(64)   NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_lead_scan_lead FOREIGN KEY (lead_id) REFERENCES lead (id),
    CONSTRAINT uk_lead_scan UNIQUE (organization_id, scan_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
