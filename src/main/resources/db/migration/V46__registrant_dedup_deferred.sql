-- A registrant is stored as typed and deduplicated after the submit's commit, in batches
-- (docs/adr/0024-registrants-deduplicated-after-the-commit.md). The company as the registrant typed
-- it is kept on the registration (the badge and the mail print it; organization_id is the record
-- the deferred step found or made), and what the step found about an earlier registration or badge
-- of the same person at the edition is noted for staff (dedup_finding). A registration the step made a
-- DUPLICATE keeps the status it had (status_before_duplicate): staff's reinstatement restores it.
ALTER TABLE registration
    ADD COLUMN organization_name       VARCHAR(300) NULL,
    ADD COLUMN dedup_finding           VARCHAR(32)  NULL,
    ADD COLUMN status_before_duplicate VARCHAR(24)  NULL;

UPDATE registration r JOIN organization o ON o.id = r.organization_id SET r.organization_name = o.name;

-- one row per registration whose registrant is not deduplicated yet; claimed by a batch with
-- SELECT ... FOR UPDATE SKIP LOCKED and deleted in the batch's transaction. A row that failed waits
-- until retry_at; after the last attempt failed_at is set and only staff (or a test) take it again.
CREATE TABLE registration_dedup (
    registration_id BIGINT       NOT NULL,
    -- the person the submit created as typed: matched with those known, merged into one of them if sure
    person_id       BIGINT       NOT NULL,
    queued_at       DATETIME(6)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    retry_at        DATETIME(6)  NOT NULL,
    last_error      VARCHAR(500) NULL,
    failed_at       DATETIME(6)  NULL,
    PRIMARY KEY (registration_id),
    INDEX ix_registration_dedup_due (failed_at, retry_at),
    INDEX ix_registration_dedup_person (person_id),
    CONSTRAINT fk_registration_dedup_registration FOREIGN KEY (registration_id) REFERENCES registration (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
