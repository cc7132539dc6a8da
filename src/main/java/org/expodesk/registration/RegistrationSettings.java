package org.expodesk.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** An edition's registration window and the e-mail domains whose buyers need no verification. */
@Entity
@Table(name = "registration_settings")
public class RegistrationSettings extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    /** Comma separated, lower case. */
    @Column(name = "allowed_domains", length = 2000)
    public String allowedDomains;

    /**
     * Moved by every change to the edition's categories or questions ({@link SetupVersionListener}, V45); read
     * only: Hibernate never writes it, so saving these settings cannot put an older number back.
     */
    @Column(name = "setup_version", insertable = false, updatable = false)
    public long setupVersion;

    public List<String> domains() {
        return allowedDomains == null ? List.of() : Arrays.stream(allowedDomains.split(","))
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
