-- Check-in's ground work (docs/checkin.md): the gates of an edition, the entry policy per
-- registration category, scanner devices and their credentials, and the scan log with a
-- per-badge admission row that the online check-in locks.

CREATE TABLE checkin_gate (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT       NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    kind          VARCHAR(8)   NOT NULL,
    -- comma-separated codes; empty categories = every category
    zones         VARCHAR(500) NOT NULL DEFAULT '',
    categories    VARCHAR(500) NOT NULL DEFAULT '',
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_checkin_gate_name UNIQUE (exhibition_id, name),
    CONSTRAINT fk_checkin_gate_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Editions made before this migration get their main gate here; later ones when created.
INSERT INTO checkin_gate (exhibition_id, name, kind, zones, categories, created_at, updated_at, version)
SELECT id, 'main', 'BOTH', '', '', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 0 FROM exhibition;

-- Keyed by the category's code; a category without a row is ONCE_PER_DAY.
CREATE TABLE checkin_entry_policy (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT      NOT NULL,
    category      VARCHAR(32) NOT NULL,
    policy        VARCHAR(16) NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_checkin_entry_policy UNIQUE (exhibition_id, category),
    CONSTRAINT fk_checkin_entry_policy_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE scanner_device (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    -- null: the scan names its gate
    gate_id       BIGINT       NULL,
    zones         VARCHAR(500) NOT NULL DEFAULT '',
    categories    VARCHAR(500) NOT NULL DEFAULT '',
    activated_at  DATETIME(6)  NULL,
    revoked_at    DATETIME(6)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_scanner_device_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_scanner_device_gate FOREIGN KEY (gate_id) REFERENCES checkin_gate (id),
    INDEX ix_scanner_device_exhibition (exhibition_id, revoked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A device's setup code and its token are credentials of a device, not of a user.
ALTER TABLE auth_credential
    MODIFY user_id BIGINT NULL,
    ADD COLUMN scanner_device_id BIGINT NULL,
    ADD CONSTRAINT fk_auth_credential_device FOREIGN KEY (scanner_device_id) REFERENCES scanner_device (id),
    ADD CONSTRAINT ck_auth_credential_owner CHECK ((user_id IS NULL) <> (scanner_device_id IS NULL));

-- Append-only: one row per scan, online or uploaded later. scanned_by is 'device:<id>' or
-- 'user:<id>'; with scan_id it makes a retried scan one row. badge_id is null when the code
-- named no badge (forged, unreadable); the foreign key to badge comes with the check-in slice.
CREATE TABLE checkin_scan (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    scanned_by    VARCHAR(40) NOT NULL,
    scan_id       VARCHAR(64) NOT NULL,
    exhibition_id BIGINT      NOT NULL,
    badge_id      BIGINT      NULL,
    category      VARCHAR(32) NULL,
    gate_id       BIGINT      NULL,
    gate_name     VARCHAR(64) NOT NULL,
    direction     VARCHAR(3)  NOT NULL,
    scanned_at    DATETIME(6) NOT NULL,
    recorded_at   DATETIME(6) NOT NULL,
    result        VARCHAR(20) NOT NULL,
    reason        VARCHAR(32) NULL,
    device_id     BIGINT      NULL,
    user_id       BIGINT      NULL,
    offline       BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uk_checkin_scan_client UNIQUE (scanned_by, scan_id),
    CONSTRAINT fk_checkin_scan_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_checkin_scan_gate FOREIGN KEY (gate_id) REFERENCES checkin_gate (id),
    CONSTRAINT fk_checkin_scan_device FOREIGN KEY (device_id) REFERENCES scanner_device (id),
    INDEX ix_checkin_scan_badge (badge_id, scanned_at),
    INDEX ix_checkin_scan_exhibition (exhibition_id, scanned_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per badge that was ever scanned validly: the online check-in inserts it if missing
-- and locks it (SELECT ... FOR UPDATE) before it reads the badge's scans and decides, so two
-- gates scanning one badge at once are decided one after the other.
CREATE TABLE checkin_admission (
    badge_id           BIGINT      NOT NULL,
    exhibition_id      BIGINT      NOT NULL,
    admissions         INT         NOT NULL DEFAULT 0,
    first_admitted_at  DATETIME(6) NULL,
    last_admitted_at   DATETIME(6) NULL,
    last_admitted_gate VARCHAR(64) NULL,
    last_exited_at     DATETIME(6) NULL,
    updated_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (badge_id),
    CONSTRAINT fk_checkin_admission_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    INDEX ix_checkin_admission_exhibition (exhibition_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
