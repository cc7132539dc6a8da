package org.expodesk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** A saved plan of an exhibition, against which later schedules show their slip. */
@Entity
@Table(name = "plan_baseline")
public class Baseline extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false, length = 200)
    public String name;
}
