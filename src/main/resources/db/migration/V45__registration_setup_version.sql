-- An edition's registration set-up as a number that every change to its categories or questions moves
-- (registration.SetupVersionListener): a registration reads it with the window and the allowed domains in one
-- row, and the categories and questions a node has kept in memory serve as long as it has not moved
-- (docs/registration.md, "Speed"). Hibernate does not map it, so writing the settings never puts an older
-- number back.
ALTER TABLE registration_settings
    ADD COLUMN setup_version BIGINT NOT NULL DEFAULT 0;
