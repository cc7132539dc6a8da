-- Every merge, with what is needed to undo it: the survivor's values before, and the rows that
-- were moved from the duplicate to the survivor.
CREATE TABLE merge_log (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(16) NOT NULL,
    survivor_id     BIGINT      NOT NULL,
    duplicate_id    BIGINT      NOT NULL,
    survivor_before MEDIUMTEXT  NOT NULL,
    moved           MEDIUMTEXT  NOT NULL,
    merged_by       VARCHAR(64) NOT NULL,
    undone_by       VARCHAR(64) NULL,
    undone_at       DATETIME(6) NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_merge_log_survivor (kind, survivor_id),
    INDEX ix_merge_log_duplicate (kind, duplicate_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
