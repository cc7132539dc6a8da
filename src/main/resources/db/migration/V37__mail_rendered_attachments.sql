-- An attachment may be made when its mail is sent rather than stored when it is queued (a badge PDF):
-- then content is null and the renderer's name and argument say how to make it (docs/mail.md).
ALTER TABLE mail_attachment
    MODIFY content LONGBLOB NULL,
    ADD COLUMN renderer VARCHAR(40) NULL,
    ADD COLUMN render_argument VARCHAR(200) NULL,
    ADD CONSTRAINT ck_mail_attachment_made CHECK (content IS NOT NULL OR renderer IS NOT NULL);
