-- Visitor and buyer registration (docs/registration.md): per edition its window and categories,
-- per category its questions, counters that capacity is checked against under a row lock,
-- invitation codes and the registrations with their answers. Editions made before this
-- migration get their settings and default categories on first use.

CREATE TABLE registration_settings (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    exhibition_id   BIGINT        NOT NULL,
    opens_at        DATETIME(6)   NOT NULL,
    closes_at       DATETIME(6)   NOT NULL,
    -- buyers with an address at one of these domains (comma separated) need no verification
    allowed_domains VARCHAR(2000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_registration_settings_exhibition UNIQUE (exhibition_id),
    CONSTRAINT fk_registration_settings_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE registration_category (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id         BIGINT       NOT NULL,
    code                  VARCHAR(32)  NOT NULL,
    label_en              VARCHAR(100) NOT NULL,
    label_zh              VARCHAR(100) NOT NULL,
    colour                CHAR(7)      NOT NULL,
    verification_required BOOLEAN      NOT NULL DEFAULT FALSE,
    invitation_required   BOOLEAN      NOT NULL DEFAULT FALSE,
    capacity              INT          NULL,
    capacity_per_day      INT          NULL,
    -- ISO dates, comma separated; NULL: every show day
    valid_days            VARCHAR(400) NULL,
    days_selectable       BOOLEAN      NOT NULL DEFAULT FALSE,
    sort_order            INT          NOT NULL DEFAULT 0,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_registration_category_code UNIQUE (exhibition_id, code),
    CONSTRAINT ck_registration_category_capacity CHECK (capacity IS NULL OR capacity >= 0),
    CONSTRAINT ck_registration_category_per_day CHECK (capacity_per_day IS NULL OR capacity_per_day >= 0),
    CONSTRAINT fk_registration_category_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- places taken per category ('all') and per category and day (ISO date); a registration locks
-- the rows it takes from with SELECT ... FOR UPDATE, so concurrent ones cannot both take the last
CREATE TABLE registration_counter (
    category_id BIGINT      NOT NULL,
    slot        VARCHAR(10) NOT NULL,
    taken       INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (category_id, slot),
    CONSTRAINT fk_registration_counter_category FOREIGN KEY (category_id) REFERENCES registration_category (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE registration_question (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    category_id      BIGINT        NOT NULL,
    code             VARCHAR(32)   NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    label_en         VARCHAR(300)  NOT NULL,
    label_zh         VARCHAR(300)  NOT NULL,
    -- choices, one a line: value|English|Chinese
    options          VARCHAR(4000) NULL,
    required         BOOLEAN       NOT NULL DEFAULT FALSE,
    shown_if_code    VARCHAR(32)   NULL,
    shown_if_answer  VARCHAR(100)  NULL,
    sort_order       INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_registration_question_code UNIQUE (category_id, code),
    CONSTRAINT fk_registration_question_category FOREIGN KEY (category_id) REFERENCES registration_category (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE registration_invitation (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id        BIGINT       NOT NULL,
    category_id          BIGINT       NOT NULL,
    code                 VARCHAR(32)  NOT NULL,
    uses_allowed         INT          NOT NULL DEFAULT 1,
    uses                 INT          NOT NULL DEFAULT 0,
    waives_verification  BOOLEAN      NOT NULL DEFAULT FALSE,
    note                 VARCHAR(200) NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_registration_invitation_code UNIQUE (exhibition_id, code),
    CONSTRAINT ck_registration_invitation_uses CHECK (uses >= 0 AND uses <= uses_allowed),
    CONSTRAINT fk_registration_invitation_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_registration_invitation_category FOREIGN KEY (category_id) REFERENCES registration_category (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- uk_registration_person keeps one registration per person and edition; uk_registration_email and
-- uk_registration_idempotency make a double submit find the first one
CREATE TABLE registration (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    exhibition_id    BIGINT        NOT NULL,
    category_id      BIGINT        NOT NULL,
    person_id        BIGINT        NOT NULL,
    organization_id  BIGINT        NULL,
    email            VARCHAR(254)  NOT NULL,
    country          CHAR(2)       NULL,
    status           VARCHAR(24)   NOT NULL,
    days             VARCHAR(400)  NOT NULL,
    language         VARCHAR(16)   NOT NULL,
    answers          TEXT          NULL,
    invitation_id    BIGINT        NULL,
    idempotency_key  VARCHAR(100)  NULL,
    registered_at    DATETIME(6)   NOT NULL,
    decided_at       DATETIME(6)   NULL,
    decided_by       VARCHAR(64)   NULL,
    decision_reason  VARCHAR(500)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_registration_person UNIQUE (exhibition_id, person_id),
    CONSTRAINT uk_registration_email UNIQUE (exhibition_id, email),
    CONSTRAINT uk_registration_idempotency UNIQUE (exhibition_id, idempotency_key),
    CONSTRAINT fk_registration_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_registration_category FOREIGN KEY (category_id) REFERENCES registration_category (id),
    CONSTRAINT fk_registration_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_registration_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_registration_invitation FOREIGN KEY (invitation_id) REFERENCES registration_invitation (id),
    INDEX ix_registration_list (exhibition_id, status, category_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
