package org.expodesk.registration.exhibitor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** A person working at an exhibitor's booth during one edition; each gets a staff badge. */
@Entity
@Table(name = "booth_staff")
public class BoothStaff extends AuditedEntity {

    @Column(name = "application_id", nullable = false, updatable = false)
    public Long applicationId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    public Long organizationId;

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    public String role;

    /** The staff member in the customer database. */
    @Column(name = "person_id")
    public Long personId;

    /** The staff badge: the valid one while the member is on the staff, revoked once removed. */
    @Column(name = "badge_id")
    public Long badgeId;

    /** When the badge mail was last queued; a resend within {@code badge-resend-pause} of it queues nothing. */
    @org.expodesk.audit.AuditIgnored
    @Column(name = "badge_mailed_at")
    public java.time.Instant badgeMailedAt;
}
