-- A plan kept for reuse: stages, tasks, criteria, dependencies and risks as one JSON document,
-- every date stored as an offset in days from opening day (or closing day, for what comes after).
CREATE TABLE plan_template (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    name                 VARCHAR(200) NOT NULL,
    source_exhibition_id BIGINT       NULL,
    content              MEDIUMTEXT   NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_plan_template_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
