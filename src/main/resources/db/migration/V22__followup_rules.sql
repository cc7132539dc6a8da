-- Follow-up rules: mails an edition sends by itself on a day relative to its opening or closing day
-- (docs/followup.md). Templates are Qute sources per language, checked when saved.
CREATE TABLE followup_rule (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id  BIGINT       NOT NULL,
    kind           VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    anchor         VARCHAR(16)  NOT NULL,
    offset_days    INT          NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT FALSE,
    subject_en     VARCHAR(500) NOT NULL,
    text_en        TEXT         NOT NULL,
    html_en        TEXT         NULL,
    subject_zh     VARCHAR(500) NOT NULL,
    text_zh        TEXT         NOT NULL,
    html_zh        TEXT         NULL,
    last_run_at    DATETIME(6)  NULL,
    last_run_count INT          NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_followup_rule_exhibition (exhibition_id),
    KEY ix_followup_rule_enabled (enabled),
    CONSTRAINT fk_followup_rule_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

