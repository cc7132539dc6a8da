package org.expodesk.followup.manual;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** Where an edition's exhibitors read their manual (a web address, such as an uploaded PDF's). */
@Entity
@Table(name = "exhibitor_manual")
public class ExhibitorManual extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(length = 1000)
    public String url;
}
