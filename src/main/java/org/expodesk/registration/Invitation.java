package org.expodesk.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** An invitation code (邀请函): it opens a category, a given number of times, and may waive verification. */
@Entity
@Table(name = "registration_invitation")
public class Invitation extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "category_id", nullable = false)
    public Long categoryId;

    @Column(nullable = false, length = 32, updatable = false)
    public String code;

    @Column(name = "uses_allowed", nullable = false)
    public int usesAllowed = 1;

    @Column(nullable = false)
    public int uses;

    @Column(name = "waives_verification", nullable = false)
    public boolean waivesVerification;

    @Column(length = 200)
    public String note;

    public boolean isUsedUp() {
        return uses >= usesAllowed;
    }

    /** The person this code was mailed to (invitations to a segment); null for codes made in bulk. */
    @Column(name = "person_id", updatable = false)
    public Long personId;
}
