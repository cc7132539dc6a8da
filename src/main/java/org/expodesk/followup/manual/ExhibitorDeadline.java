package org.expodesk.followup.manual;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.time.LocalDate;

/** Something every exhibitor of an edition must hand in by a day, such as the booth staff names. */
@Entity
@Table(name = "exhibitor_deadline")
public class ExhibitorDeadline extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;
}
