-- Each booth staff member is a person of the customer database and holds a staff badge.
ALTER TABLE booth_staff
    ADD COLUMN person_id BIGINT NULL,
    ADD COLUMN badge_id  BIGINT NULL,
    ADD CONSTRAINT fk_booth_staff_person FOREIGN KEY (person_id) REFERENCES person (id),
    ADD CONSTRAINT fk_booth_staff_badge FOREIGN KEY (badge_id) REFERENCES badge (id);
