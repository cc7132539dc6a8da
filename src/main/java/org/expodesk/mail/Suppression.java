package org.expodesk.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** An address that gets no mail (or no marketing mail); the address is stored lower-cased. */
@Entity
@Table(name = "mail_suppression")
public class Suppression extends PanacheEntityBase {

    public enum Reason {
        /** The recipient followed an unsubscribe link: no more marketing mail. */
        UNSUBSCRIBED,
        /** The SMTP server refused the address for good: no mail at all. */
        BOUNCED,
        /** Staff stopped all mail to the address. */
        BLOCKED;

        public String labelKey() {
            return "mail_reason_" + name();
        }

        public boolean stops(MailKind kind) {
            return this != UNSUBSCRIBED || kind == MailKind.MARKETING;
        }
    }

    @Id
    @Column(length = 320)
    public String address;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Reason reason;

    @Column(length = 500)
    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
