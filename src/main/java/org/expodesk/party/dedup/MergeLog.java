package org.expodesk.party.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditedEntity;

import java.time.Instant;

/** One merge, kept so it can be undone. */
@Entity
@Table(name = "merge_log")
public class MergeLog extends AuditedEntity {

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(name = "survivor_id", nullable = false)
    public Long survivorId;

    @Column(name = "duplicate_id", nullable = false)
    public Long duplicateId;

    /** The survivor's own values before the merge, as JSON. */
    @AuditIgnored
    @Column(name = "survivor_before", nullable = false, columnDefinition = "mediumtext")
    public String survivorBefore;

    /** The survivor's values right after the merge: undo reverts a field only if it still has this. */
    @AuditIgnored
    @Column(name = "survivor_after", columnDefinition = "mediumtext")
    public String survivorAfter;

    /** The ids of the rows moved from the duplicate, per kind of row, as JSON. */
    @AuditIgnored
    @Column(nullable = false, columnDefinition = "mediumtext")
    public String moved;

    @Column(name = "merged_by", nullable = false, length = 64)
    public String mergedBy;

    @Column(name = "undone_by", length = 64)
    public String undoneBy;

    @Column(name = "undone_at")
    public Instant undoneAt;
}
