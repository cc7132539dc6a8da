-- Ids handed out in blocks, one row per table (ADR 0029): a node takes a block by moving next_id,
--   UPDATE id_block SET next_id = LAST_INSERT_ID(next_id + n) WHERE table_name = 't'; SELECT LAST_INSERT_ID();
-- on a connection of its own (audit.IdBlocks); a loader that wrote rows itself moves next_id past them
-- (IdBlocks.movePast). Badges took theirs from badge_id_block (V47, ADR 0026);
-- people now take theirs here too, so that an import's new people are inserted in batches (Hibernate
-- writes an AUTO_INCREMENT insert alone). Every insert into these tables takes its id from here: a row
-- inserted without an id would take the AUTO_INCREMENT counter's next value, which may lie in a
-- block some node holds.
CREATE TABLE id_block (
    table_name VARCHAR(64) NOT NULL,
    next_id    BIGINT      NOT NULL,
    PRIMARY KEY (table_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO id_block (table_name, next_id)
SELECT 'badge', GREATEST(b.next_id, (SELECT COALESCE(MAX(id), 0) + 1 FROM badge)) FROM badge_id_block b WHERE b.id = 1;
INSERT INTO id_block (table_name, next_id) SELECT 'person', COALESCE(MAX(id), 0) + 1 FROM person;

DROP TABLE badge_id_block;
