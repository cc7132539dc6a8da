package org.expodesk.account;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tablet or phone at a gate, registered by staff for one edition. It signs in with a device
 * token (role SCANNER) got once for a setup code; revoking the device ends the token at once.
 * The gate is check-in's; here it is only its id.
 */
@Entity
@Table(name = "scanner_device")
public class ScannerDevice extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false, length = 100)
    public String name;

    /** Null: each scan names its gate. */
    @Column(name = "gate_id")
    public Long gateId;

    /** Zone codes the device is meant for; empty = any. */
    @Convert(converter = CodeSetConverter.class)
    @Column(nullable = false, length = 500)
    public Set<String> zones = new TreeSet<>();

    /** Registration category codes the device checks in; empty = every category. */
    @Convert(converter = CodeSetConverter.class)
    @Column(nullable = false, length = 500)
    public Set<String> categories = new TreeSet<>();

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
