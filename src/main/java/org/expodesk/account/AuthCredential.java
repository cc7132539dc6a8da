package org.expodesk.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A secret handed to a client once: only its SHA-256 is stored, so a copy of the database
 * signs nobody in. Sign-ins and revocations are audited as events, not as record changes.
 */
@Entity
@Table(name = "auth_credential")
public class AuthCredential extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The user it signs in; null for a scanner device's credentials. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public UserAccount user;

    /** The scanner device it belongs to, for the kinds DEVICE_SETUP and DEVICE. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "scanner_device_id")
    public ScannerDevice device;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public CredentialKind kind;

    @Column(name = "token_hash", nullable = false, length = 64, columnDefinition = "char(64)")
    public String tokenHash;

    @Column(length = 100)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
