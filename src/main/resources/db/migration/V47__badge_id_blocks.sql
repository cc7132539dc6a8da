-- Badge ids are handed out in blocks, so that a badge's id (which its signed code carries) is known
-- before its row is inserted and the code goes into that insert (docs/registration.md, "Seventh
-- round"). A node takes a block by moving next_id in a short transaction of its own:
--   UPDATE badge_id_block SET next_id = LAST_INSERT_ID(next_id + n) WHERE id = 1; SELECT LAST_INSERT_ID();
-- (MariaDB and MySQL 8 alike). Every badge insert takes its id from here (badge.BadgeIds): the
-- column's AUTO_INCREMENT is no longer used, and a row inserted without an id would collide with a
-- block some node holds.
CREATE TABLE badge_id_block (
    id      TINYINT NOT NULL,
    next_id BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO badge_id_block (id, next_id) SELECT 1, COALESCE(MAX(id), 0) + 1 FROM badge;
