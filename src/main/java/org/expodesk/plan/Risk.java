package org.expodesk.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A risk of the exhibition with its contingency plan (紧急预案): what could go wrong, how likely
 * and how bad, what shows it is happening, and the prepared response tasks.
 */
@Entity
@Table(name = "risk")
public class Risk extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false, length = 200)
    public String title;

    /** 1 (rare) to 5 (almost certain). */
    @Column(nullable = false)
    public int likelihood;

    /** 1 (negligible) to 5 (the show cannot go on). */
    @Column(nullable = false)
    public int impact;

    @Column(name = "trigger_text", length = 1000)
    public String trigger;

    @Column(name = "response_plan", columnDefinition = "text")
    public String responsePlan;

    @Column(name = "owner_id")
    public Long ownerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public RiskState state = RiskState.OPEN;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "activated_by", length = 64)
    public String activatedBy;

    @Column(name = "activation_reason", length = 1000)
    public String activationReason;

    @OneToMany(mappedBy = "risk", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<RiskResponse> responses = new ArrayList<>();

    public int score() {
        return likelihood * impact;
    }
}
