-- A mail that carries a personal link (a confirmation or setup link, a badge download, a survey link)
-- is sent as written, but staff reading the outbox see its text masked: the link works for whoever holds it.
ALTER TABLE mail_outbox
    ADD COLUMN private_links BOOLEAN NOT NULL DEFAULT FALSE;
