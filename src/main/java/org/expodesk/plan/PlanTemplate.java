package org.expodesk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditedEntity;

/** A plan kept for starting new shows from; {@link PlanTemplates} writes and reads its content. */
@Entity
@Table(name = "plan_template")
public class PlanTemplate extends AuditedEntity {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "source_exhibition_id")
    public Long sourceExhibitionId;

    /** The template as JSON; large, and audited as "created from exhibition N" rather than copied. */
    @AuditIgnored
    @Column(nullable = false, columnDefinition = "mediumtext")
    public String content;
}
