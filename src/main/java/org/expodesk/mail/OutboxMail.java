package org.expodesk.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One mail of the outbox, rendered when it was queued: what it says stays what the recipient got.
 * Not an audited record (its status moves with every attempt); the outbox itself is the record.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mail_key", nullable = false, length = 255)
    public String mailKey;

    @Column(nullable = false, length = 100)
    public String purpose;

    @Column(name = "exhibition_id")
    public Long exhibitionId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public MailKind kind;

    @Column(nullable = false, length = 320)
    public String recipient;

    @Column(nullable = false, length = 16)
    public String language;

    @Column(nullable = false, length = 500)
    public String subject;

    @Column(name = "text_body", nullable = false, columnDefinition = "mediumtext")
    public String textBody;

    @Column(name = "html_body", columnDefinition = "mediumtext")
    public String htmlBody;

    /** The text holds a link that works for whoever reads it: staff see it masked (MailRequest#withPrivateLinks). */
    @Column(name = "private_links", nullable = false)
    public boolean privateLinks;

    @Column(name = "unsubscribe_token", length = 64)
    public String unsubscribeToken;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public MailStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 100)
    public String claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
