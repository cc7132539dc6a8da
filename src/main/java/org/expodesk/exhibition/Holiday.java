package org.expodesk.exhibition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.time.LocalDate;

/** A declared day off in one exhibition's working-day calendar. */
@Entity
@Table(name = "holiday")
public class Holiday extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false, length = 200)
    public String name;
}
