-- Badges and the Ed25519 keys that sign their QR codes (docs/badges.md, ADR 0010).

-- One edition's signing keys. key_no is the short key id in the payload, counted per edition;
-- active_for holds the edition's id while the key signs new badges (NULL once rotated away), so
-- the unique key allows one active key per edition even when two first badges race for it.
-- The private key is kept only encrypted (AES-256-GCM under the configured key-encryption key).
CREATE TABLE badge_signing_key (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    exhibition_id         BIGINT         NOT NULL,
    key_no                INT            NOT NULL,
    public_key            VARBINARY(64)  NOT NULL,
    private_key_encrypted VARBINARY(255) NOT NULL,
    active_for            BIGINT         NULL,
    retired_at            DATETIME(6)    NULL,
    created_at            DATETIME(6)    NOT NULL,
    updated_at            DATETIME(6)    NOT NULL,
    version               BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_badge_signing_key_no UNIQUE (exhibition_id, key_no),
    CONSTRAINT uk_badge_signing_key_active UNIQUE (active_for),
    CONSTRAINT fk_badge_signing_key_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One badge per person per edition: valid_holder is the person while the badge is VALID and NULL
-- otherwise, so the unique key allows any number of revoked or superseded badges but one valid one.
CREATE TABLE badge (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    exhibition_id      BIGINT       NOT NULL,
    person_id          BIGINT       NOT NULL,
    holder_name        VARCHAR(200) NOT NULL,
    organization_id    BIGINT       NULL,
    organization_name  VARCHAR(200) NULL,
    category_code      VARCHAR(16)  NOT NULL,
    category_label     VARCHAR(100) NOT NULL,
    category_colour    CHAR(7)      NOT NULL,
    first_day          DATE         NOT NULL,
    last_day           DATE         NOT NULL,
    zones              VARCHAR(500) NOT NULL DEFAULT '',
    state              VARCHAR(20)  NOT NULL,
    valid_holder       BIGINT AS (CASE WHEN state = 'VALID' THEN person_id END) STORED,
    state_changed_at   DATETIME(6)  NULL,
    state_changed_by   VARCHAR(100) NULL,
    state_reason       VARCHAR(500) NULL,
    replaced_by        BIGINT       NULL,
    signing_key_id     BIGINT       NOT NULL,
    code               VARCHAR(400) NULL,
    access_token_hash  CHAR(64)     NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_badge_valid_holder UNIQUE (exhibition_id, valid_holder),
    CONSTRAINT uk_badge_access_token UNIQUE (access_token_hash),
    CONSTRAINT fk_badge_exhibition FOREIGN KEY (exhibition_id) REFERENCES exhibition (id),
    CONSTRAINT fk_badge_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_badge_signing_key FOREIGN KEY (signing_key_id) REFERENCES badge_signing_key (id),
    INDEX ix_badge_exhibition_state (exhibition_id, state, id),
    INDEX ix_badge_organization (organization_id, exhibition_id),
    INDEX ix_badge_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
