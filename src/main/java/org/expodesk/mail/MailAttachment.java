package org.expodesk.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file that goes with a mail of the outbox (a badge PDF, a lead export). */
@Entity
@Table(name = "mail_attachment")
public class MailAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mail_id", nullable = false)
    public Long mailId;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    public String contentType;

    /** Null when the sender makes the file ({@link #renderer}). */
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "longblob")
    public byte[] content;

    /** The {@link AttachmentRenderer} that makes the file when the mail is sent; null when stored. */
    @Column(length = 40)
    public String renderer;

    @Column(name = "render_argument", length = 200)
    public String renderArgument;
}
