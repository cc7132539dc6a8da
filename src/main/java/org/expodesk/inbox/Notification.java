package org.expodesk.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Something a user is told in the application (mail comes with the follow-up feature). The
 * subject is a message key; the dedup key makes telling the same thing twice harmless.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(name = "dedup_key", nullable = false, length = 200)
    public String dedupKey;

    @Column(length = 300)
    public String link;

    /** What to say: the text the sender chose, already in the recipient's language or neutral. */
    @Column(nullable = false, length = 300)
    public String subject;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
