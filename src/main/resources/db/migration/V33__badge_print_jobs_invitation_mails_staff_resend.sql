-- Batch printing as a background job (docs/badges.md): the job row carries state and progress, so
-- any node and a page reload see it; the finished PDF is kept in parts of at most 1 MB (under any
-- max_allowed_packet) until expires_at, then dropped by the sweep.
CREATE TABLE badge_print_job (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    exhibition_id   BIGINT        NOT NULL,
    category_code   VARCHAR(16)   NULL,
    organization_id BIGINT        NULL,
    layout          VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    total           INT           NOT NULL DEFAULT 0,
    done            INT           NOT NULL DEFAULT 0,
    file_size       BIGINT        NULL,
    started_by      VARCHAR(100)  NOT NULL,
    claimed_at      DATETIME(6)   NULL,
    finished_at     DATETIME(6)   NULL,
    expires_at      DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_badge_print_job_exhibition (exhibition_id, id),
    INDEX ix_badge_print_job_status (status, claimed_at),
    CONSTRAINT fk_badge_print_job_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE badge_print_file (
    job_id  BIGINT     NOT NULL,
    part_no INT        NOT NULL,
    content MEDIUMBLOB NOT NULL,
    PRIMARY KEY (job_id, part_no),
    CONSTRAINT fk_badge_print_file_job FOREIGN KEY (job_id) REFERENCES badge_print_job (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Invitations mailed to a segment (docs/registration.md): one code per person, edition and category,
-- so sending to the segment again reuses the person's code and the outbox key mails nobody twice.
ALTER TABLE registration_invitation
    ADD COLUMN person_id BIGINT NULL,
    ADD CONSTRAINT fk_registration_invitation_person FOREIGN KEY (person_id) REFERENCES person (id),
    ADD CONSTRAINT uk_registration_invitation_person UNIQUE (exhibition_id, category_id, person_id);

-- A staff badge mailed again from the portal (docs/exhibitors.md): when it was last queued, so that a
-- double click (the second request waits on the row lock) finds it just sent and queues nothing.
ALTER TABLE booth_staff
    ADD COLUMN badge_mailed_at DATETIME(6) NULL;
