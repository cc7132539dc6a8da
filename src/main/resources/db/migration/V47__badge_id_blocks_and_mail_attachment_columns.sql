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

-- A mail's one attachment made when it is sent (a badge PDF: how to make it, no content) is kept on the
-- mail's own row, so that queueing such a mail is one insert (docs/registration.md, "Seventh round"). Other
-- attachments, and any with content, stay in mail_attachment.
ALTER TABLE mail_outbox
    ADD COLUMN attachment_file_name       VARCHAR(255) NULL,
    ADD COLUMN attachment_content_type    VARCHAR(100) NULL,
    ADD COLUMN attachment_renderer        VARCHAR(40)  NULL,
    ADD COLUMN attachment_render_argument VARCHAR(200) NULL;
