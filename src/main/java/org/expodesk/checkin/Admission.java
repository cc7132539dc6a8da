package org.expodesk.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A badge's admission state, one row per badge. The online check-in inserts it when missing and
 * locks it ({@code SELECT ... FOR UPDATE}) before it reads the badge's scans and decides, so that
 * the same badge at two gates at once is decided one scan after the other and admitted once.
 * A summary for counts and the live view; the scans stay the truth the rules read.
 */
@Entity
@Table(name = "checkin_admission")
public class Admission extends PanacheEntityBase {

    @Id
    @Column(name = "badge_id")
    public Long badgeId;

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false)
    public int admissions;

    @Column(name = "first_admitted_at")
    public Instant firstAdmittedAt;

    @Column(name = "last_admitted_at")
    public Instant lastAdmittedAt;

    @Column(name = "last_admitted_gate", length = 64)
    public String lastAdmittedGate;

    @Column(name = "last_exited_at")
    public Instant lastExitedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
