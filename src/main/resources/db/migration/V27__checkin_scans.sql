-- Check-in scans (docs/checkin.md): the scan log and the admission rows now point at badges, and
-- a scan a device decided offline that the server decides otherwise is kept as a conflict.

ALTER TABLE checkin_scan
    ADD CONSTRAINT fk_checkin_scan_badge FOREIGN KEY (badge_id) REFERENCES badge (id);

ALTER TABLE checkin_admission
    ADD CONSTRAINT fk_checkin_admission_badge FOREIGN KEY (badge_id) REFERENCES badge (id);

CREATE TABLE checkin_conflict (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    exhibition_id  BIGINT      NOT NULL,
    scan_id        BIGINT      NOT NULL,
    badge_id       BIGINT      NULL,
    -- what the device showed while offline, and what the server decided on upload
    offline_result VARCHAR(20) NOT NULL,
    result         VARCHAR(20) NOT NULL,
    reason         VARCHAR(32) NULL,
    earlier_at     DATETIME(6) NULL,
    earlier_gate   VARCHAR(64) NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_checkin_conflict_scan UNIQUE (scan_id),
    CONSTRAINT fk_checkin_conflict_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_checkin_conflict_scan FOREIGN KEY (scan_id) REFERENCES checkin_scan (id),
    CONSTRAINT fk_checkin_conflict_badge FOREIGN KEY (badge_id) REFERENCES badge (id),
    INDEX ix_checkin_conflict_exhibition (exhibition_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- a retried scan is answered from its row, ALREADY_ADMITTED with the admission it named
ALTER TABLE checkin_scan
    ADD COLUMN earlier_at   DATETIME(6) NULL,
    ADD COLUMN earlier_gate VARCHAR(64) NULL;
