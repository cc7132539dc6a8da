package org.expodesk.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;

/** Someone (or some device) that signs in to Expodesk. */
@Entity
@Table(name = "user_account")
public class UserAccount extends AuditedEntity {

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Column(length = 254)
    public String email;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Role role;

    /** For EXHIBITOR users: the organization whose data they may see. */
    @Column(name = "organization_id")
    public Long organizationId;

    /** Null until the user has chosen a password through a setup link. */
    @AuditRedacted
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    /** The user's language for pages and mail (a BCP 47 tag); null means "from the browser". */
    @Column(length = 16)
    public String locale;

    @Column(nullable = false)
    public boolean enabled = true;

    @AuditIgnored
    @OptimisticLock(excluded = true)
    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @AuditIgnored
    @OptimisticLock(excluded = true)
    @Column(name = "locked_until")
    public Instant lockedUntil;

    @AuditIgnored
    @OptimisticLock(excluded = true)
    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    public static Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
