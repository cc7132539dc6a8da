package org.expodesk.badge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;

import java.time.Instant;

/** One Ed25519 key of an edition; the private half only encrypted ({@link KeyEncryption}). */
@Entity
@Table(name = "badge_signing_key")
public class SigningKey extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    /** The short key id in a badge's payload, 1, 2, ... per edition. */
    @Column(name = "key_no", nullable = false, updatable = false)
    public int keyNo;

    /** X.509 encoding. */
    @Column(name = "public_key", nullable = false, updatable = false)
    public byte[] publicKey;

    @AuditRedacted
    @Column(name = "private_key_encrypted", nullable = false, updatable = false)
    public byte[] privateKeyEncrypted;

    /** The edition's id while this key signs new badges; null once rotated away. */
    @Column(name = "active_for")
    public Long activeFor;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
