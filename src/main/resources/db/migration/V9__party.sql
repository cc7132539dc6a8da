-- One customer database for every party: organizations and people, what they did at which
-- edition, what was said with them, and what they asked of us.

CREATE TABLE organization (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    name                VARCHAR(300)  NOT NULL,
    name_latin          VARCHAR(300)  NULL,
    short_name          VARCHAR(100)  NULL,
    credit_code         VARCHAR(64)   NULL,
    country             CHAR(2)       NULL,
    province            VARCHAR(100)  NULL,
    city                VARCHAR(100)  NULL,
    address             VARCHAR(500)  NULL,
    website             VARCHAR(300)  NULL,
    domain              VARCHAR(200)  NULL,
    phone               VARCHAR(50)   NULL,
    email               VARCHAR(254)  NULL,
    industry            VARCHAR(100)  NULL,
    company_size        VARCHAR(20)   NULL,
    main_business       TEXT          NULL,
    tags                VARCHAR(500)  NULL,
    notes               TEXT          NULL,
    owner_id            BIGINT        NULL,
    verification        VARCHAR(16)   NOT NULL,
    verification_reason VARCHAR(500)  NULL,
    verified_by         VARCHAR(64)   NULL,
    verified_at         DATETIME(6)   NULL,
    credit_status       VARCHAR(16)   NULL,
    name_key            VARCHAR(300)  NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_organization_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
    INDEX ix_organization_name_key (name_key),
    INDEX ix_organization_credit_code (credit_code),
    INDEX ix_organization_domain (domain),
    INDEX ix_organization_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE person (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    family_name     VARCHAR(100) NOT NULL,
    given_name      VARCHAR(100) NULL,
    eastern_order   BOOLEAN      NOT NULL DEFAULT FALSE,
    job_title       VARCHAR(200) NULL,
    email           VARCHAR(254) NULL,
    phone           VARCHAR(50)  NULL,
    organization_id BIGINT       NULL,
    language        VARCHAR(16)  NULL,
    tags            VARCHAR(500) NULL,
    name_key        VARCHAR(300) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_person_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    INDEX ix_person_name_key (name_key),
    INDEX ix_person_email (email),
    INDEX ix_person_phone (phone),
    INDEX ix_person_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A person's companies over time: the current one is also on person.organization_id.
CREATE TABLE employment (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    person_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    job_title       VARCHAR(200) NULL,
    from_day        DATE         NOT NULL,
    until_day       DATE         NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_employment_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_employment_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    INDEX ix_employment_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE participation (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    exhibition_id   BIGINT      NOT NULL,
    organization_id BIGINT      NULL,
    person_id       BIGINT      NULL,
    role            VARCHAR(20) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_participation_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_participation_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_participation_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT uk_participation UNIQUE (exhibition_id, organization_id, person_id, role),
    INDEX ix_participation_organization (organization_id),
    INDEX ix_participation_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE interaction (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    organization_id BIGINT        NULL,
    person_id       BIGINT        NULL,
    kind            VARCHAR(16)   NOT NULL,
    occurred_at     DATETIME(6)   NOT NULL,
    staff_id        BIGINT        NULL,
    summary         VARCHAR(2000) NOT NULL,
    outcome         VARCHAR(1000) NULL,
    follow_up_on    DATE          NULL,
    follow_up_done  BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_interaction_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_interaction_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_interaction_staff FOREIGN KEY (staff_id) REFERENCES user_account (id),
    INDEX ix_interaction_organization (organization_id, occurred_at),
    INDEX ix_interaction_person (person_id, occurred_at),
    INDEX ix_interaction_follow_up (staff_id, follow_up_done, follow_up_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    organization_id BIGINT        NULL,
    person_id       BIGINT        NULL,
    exhibition_id   BIGINT        NULL,
    kind            VARCHAR(16)   NOT NULL,
    priority        VARCHAR(16)   NOT NULL,
    summary         VARCHAR(500)  NOT NULL,
    description     TEXT          NULL,
    status          VARCHAR(16)   NOT NULL,
    assignee_id     BIGINT        NULL,
    sla_due_at      DATETIME(6)   NOT NULL,
    resolution      VARCHAR(2000) NULL,
    raised_by       VARCHAR(64)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_ticket_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_ticket_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_ticket_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_ticket_assignee FOREIGN KEY (assignee_id) REFERENCES user_account (id),
    INDEX ix_ticket_organization (organization_id),
    INDEX ix_ticket_status_sla (status, sla_due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE user_account ADD CONSTRAINT fk_user_account_organization
    FOREIGN KEY (organization_id) REFERENCES organization (id);
