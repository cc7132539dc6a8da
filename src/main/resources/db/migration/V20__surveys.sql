-- The satisfaction survey of an edition: its aspects, one invitation per person (kept as the
-- SHA-256 of its token, never the token), and the answers with a score per aspect
-- (docs/survey.md).

CREATE TABLE survey (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    exhibition_id BIGINT      NOT NULL,
    is_open       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_survey_exhibition UNIQUE (exhibition_id),
    CONSTRAINT fk_survey_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE survey_aspect (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    survey_id  BIGINT       NOT NULL,
    code       VARCHAR(32)  NOT NULL,
    label_en   VARCHAR(200) NOT NULL,
    label_zh   VARCHAR(200) NOT NULL,
    sort_order INT          NOT NULL DEFAULT 0,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_survey_aspect_code UNIQUE (survey_id, code),
    CONSTRAINT fk_survey_aspect_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE survey_invitation (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    exhibition_id   BIGINT      NOT NULL,
    person_id       BIGINT      NOT NULL,
    organization_id BIGINT      NULL,
    role            VARCHAR(20) NOT NULL,
    token_hash      CHAR(64)    NOT NULL,
    issued_at       DATETIME(6) NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    answered_at     DATETIME(6) NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_survey_invitation_person UNIQUE (exhibition_id, person_id),
    CONSTRAINT uk_survey_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_survey_invitation_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_survey_invitation_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_survey_invitation_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- uk_survey_answer_invitation is what keeps two submits of one link to one answer
CREATE TABLE survey_answer (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    invitation_id   BIGINT        NOT NULL,
    exhibition_id   BIGINT        NOT NULL,
    person_id       BIGINT        NOT NULL,
    organization_id BIGINT        NULL,
    role            VARCHAR(20)   NOT NULL,
    nps             INT           NOT NULL,
    comment         VARCHAR(4000) NULL,
    language        VARCHAR(16)   NOT NULL,
    answered_at     DATETIME(6)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_survey_answer_invitation UNIQUE (invitation_id),
    CONSTRAINT ck_survey_answer_nps CHECK (nps BETWEEN 0 AND 10),
    CONSTRAINT fk_survey_answer_invitation FOREIGN KEY (invitation_id) REFERENCES survey_invitation (id),
    CONSTRAINT fk_survey_answer_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_survey_answer_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_survey_answer_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    INDEX ix_survey_answer_exhibition (exhibition_id, role),
    INDEX ix_survey_answer_person (person_id),
    INDEX ix_survey_answer_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the foreign key to the aspect is what stops an aspect with answers from being removed
CREATE TABLE survey_score (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    answer_id  BIGINT      NOT NULL,
    aspect_id  BIGINT      NOT NULL,
    score      INT         NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_survey_score UNIQUE (answer_id, aspect_id),
    CONSTRAINT ck_survey_score CHECK (score BETWEEN 1 AND 5),
    CONSTRAINT fk_survey_score_answer FOREIGN KEY (answer_id) REFERENCES survey_answer (id),
    CONSTRAINT fk_survey_score_aspect FOREIGN KEY (aspect_id) REFERENCES survey_aspect (id),
    INDEX ix_survey_score_aspect (aspect_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
