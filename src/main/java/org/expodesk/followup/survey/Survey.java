package org.expodesk.followup.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** The satisfaction survey of one edition; made with the default aspects when first needed. */
@Entity
@Table(name = "survey")
public class Survey extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    /** Closed: links still open the page, which then says so, and take no answers. */
    @Column(name = "is_open", nullable = false)
    public boolean open = true;
}
