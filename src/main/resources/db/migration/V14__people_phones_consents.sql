-- People as first-class records: phones also in E.164 (what was typed stays for display), more
-- e-mails and phones per person, consent records (append-only), person merges, and the state of
-- whole-database duplicate scans. Rows older than this migration get their E.164 phone from
-- (V17, a Java migration): libphonenumber is not available to SQL.
ALTER TABLE organization ADD COLUMN phone_e164 VARCHAR(20) NULL,
    ADD INDEX ix_organization_phone_e164 (phone_e164);

ALTER TABLE person ADD COLUMN phone_e164 VARCHAR(20) NULL,
    ADD COLUMN merged_into BIGINT NULL,
    ADD CONSTRAINT fk_person_merged_into FOREIGN KEY (merged_into) REFERENCES person (id),
    ADD INDEX ix_person_phone_e164 (phone_e164);

-- A person's e-mail addresses and phones besides the primary ones on person.email / person.phone.
CREATE TABLE person_contact (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    person_id  BIGINT       NOT NULL,
    kind       VARCHAR(8)   NOT NULL,
    value      VARCHAR(254) NOT NULL,
    e164       VARCHAR(20)  NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_person_contact_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_person_contact_person (person_id),
    INDEX ix_person_contact_value (kind, value),
    INDEX ix_person_contact_e164 (e164)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a person agreed to or withdrew, when, how and under which text; never updated: the
-- current state of a purpose is its latest row.
CREATE TABLE consent (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    person_id    BIGINT        NOT NULL,
    purpose      VARCHAR(32)   NOT NULL,
    granted      BOOLEAN       NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    text_version VARCHAR(50)   NULL,
    note         VARCHAR(500)  NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_consent_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_consent_person (person_id, purpose, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A pair a scan found surely the same is still only proposed: a scan never merges by itself.
ALTER TABLE dedup_candidate ADD COLUMN sure BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE dedup_scan (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(16)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    total       BIGINT        NOT NULL DEFAULT 0,
    done        BIGINT        NOT NULL DEFAULT 0,
    found       BIGINT        NOT NULL DEFAULT 0,
    last_id     BIGINT        NOT NULL DEFAULT 0,
    started_by  VARCHAR(64)   NOT NULL,
    finished_at DATETIME(6)   NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
