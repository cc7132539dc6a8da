-- A registration that counts holds the badge it was given.
ALTER TABLE registration
    ADD COLUMN badge_id BIGINT NULL,
    ADD CONSTRAINT fk_registration_badge FOREIGN KEY (badge_id) REFERENCES badge (id);
