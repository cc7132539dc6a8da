-- Customer imports from CSV and XLSX: one run per uploaded file (its content kept only until
-- the run ends, so that any node can carry it on), the rows it could not take, the column
-- mappings saved per source, and the fingerprint of every imported row with the record it
-- produced, which makes a second run of the same file change nothing.
CREATE TABLE import_run (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    kind         VARCHAR(16)   NOT NULL,
    source       VARCHAR(100)  NULL,
    file_name    VARCHAR(255)  NOT NULL,
    format       VARCHAR(8)    NOT NULL,
    content      LONGBLOB      NULL,
    mapping      TEXT          NULL,
    status       VARCHAR(16)   NOT NULL,
    total_rows   INT           NOT NULL DEFAULT 0,
    next_row     INT           NOT NULL DEFAULT 0,
    created      INT           NOT NULL DEFAULT 0,
    updated      INT           NOT NULL DEFAULT 0,
    merged       INT           NOT NULL DEFAULT 0,
    needs_review INT           NOT NULL DEFAULT 0,
    unchanged    INT           NOT NULL DEFAULT 0,
    errors       INT           NOT NULL DEFAULT 0,
    started_by   VARCHAR(64)   NOT NULL,
    claimed_at   DATETIME(6)   NULL,
    finished_at  DATETIME(6)   NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_import_run_status (status, claimed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE import_error (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    import_id  BIGINT        NOT NULL,
    row_no     INT           NOT NULL,
    field      VARCHAR(100)  NULL,
    message    VARCHAR(500)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_import_error_run FOREIGN KEY (import_id) REFERENCES import_run (id),
    INDEX ix_import_error_run (import_id, row_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE import_mapping (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    kind       VARCHAR(16)   NOT NULL,
    source     VARCHAR(100)  NOT NULL,
    mapping    TEXT          NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_import_mapping UNIQUE (kind, source)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE import_fingerprint (
    kind        VARCHAR(16)  NOT NULL,
    fingerprint BINARY(32)   NOT NULL,
    record_id   BIGINT       NOT NULL,
    import_id   BIGINT       NOT NULL,
    PRIMARY KEY (kind, fingerprint),
    INDEX ix_import_fingerprint_record (kind, record_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
