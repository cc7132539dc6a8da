-- Possible duplicates waiting for a person to decide: the record that came in, the existing
-- one it resembles, how much and why.
CREATE TABLE dedup_candidate (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    kind         VARCHAR(16)  NOT NULL,
    record_id    BIGINT       NOT NULL,
    candidate_id BIGINT       NOT NULL,
    score        DECIMAL(5,4) NOT NULL,
    reasons      VARCHAR(500) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    decided_by   VARCHAR(64)  NULL,
    decided_at   DATETIME(6)  NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_dedup_candidate UNIQUE (kind, record_id, candidate_id),
    INDEX ix_dedup_candidate_status (status, kind, score)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_organization_phone ON organization (phone);

-- A duplicate merged into another record keeps its row, pointing at the survivor, so that a
-- merge can be undone; it no longer shows up anywhere else.
ALTER TABLE organization ADD COLUMN merged_into BIGINT NULL,
    ADD CONSTRAINT fk_organization_merged_into FOREIGN KEY (merged_into) REFERENCES organization (id);
