package org.expodesk.party.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** A pair a person must judge: is the record that came in the same party as the candidate? */
@Entity
@Table(name = "dedup_candidate")
public class DedupCandidate extends AuditedEntity {

    public static final String OPEN = "OPEN";
    public static final String MERGED = "MERGED";
    public static final String DISMISSED = "DISMISSED";

    /** ORGANIZATION or PERSON. */
    @Column(nullable = false, length = 16)
    public String kind;

    @Column(name = "record_id", nullable = false)
    public Long recordId;

    @Column(name = "candidate_id", nullable = false)
    public Long candidateId;

    @Column(nullable = false, precision = 5, scale = 4)
    public BigDecimal score;

    @Column(nullable = false, length = 500)
    public String reasons;

    @Column(nullable = false, length = 16)
    public String status = OPEN;

    /** Found surely the same by a scan, which never merges by itself. */
    @Column(nullable = false)
    public boolean sure;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
