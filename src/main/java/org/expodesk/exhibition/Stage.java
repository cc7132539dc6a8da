package org.expodesk.exhibition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stage of an exhibition's life (initiation, preparation, pre-show, show days, closing,
 * between editions), with its window of dates. It is closed through its gate once every task
 * in it is confirmed or waived.
 */
@Entity
@Table(name = "stage")
public class Stage extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false)
    public int position;

    /** Stable code: one of {@link DefaultStage} for the default stages, or a staff-made one. */
    @Column(nullable = false, length = 32)
    public String code;

    /** Null while the stage keeps its default (translated) name. */
    @Column(length = 200)
    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    /** Staff member told about slips and risks in this stage. */
    @Column(name = "manager_id")
    public Long managerId;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by", length = 64)
    public String closedBy;

    public boolean isClosed() {
        return closedAt != null;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
