package org.expodesk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** A prepared response task of a risk, created in the live plan when the risk is activated. */
@Entity
@Table(name = "risk_response")
public class RiskResponse extends AuditedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "risk_id", nullable = false)
    public Risk risk;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 200)
    public String title;

    /** The stage to put the task in; none means the stage the activation day falls in. */
    @Column(name = "stage_code", length = 32)
    public String stageCode;

    @Column(name = "duration_days", nullable = false)
    public int durationDays;

    @Column(name = "owner_id")
    public Long ownerId;

    /** Acceptance criteria, one per line. */
    @Column(length = 2000)
    public String criteria;
}
