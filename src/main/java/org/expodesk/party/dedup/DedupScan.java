package org.expodesk.party.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditedEntity;

import java.time.Instant;

/** A run over the whole database looking for duplicates, with how far it got. */
@Entity
@Table(name = "dedup_scan")
public class DedupScan extends AuditedEntity {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** ORGANIZATION or PERSON. */
    @Column(nullable = false, length = 16)
    public String kind;

    @Column(nullable = false, length = 16)
    public String status = RUNNING;

    /** Records to look at, counted when the scan started. */
    @Column(nullable = false)
    public long total;

    @AuditIgnored
    @Column(nullable = false)
    public long done;

    /** New pairs put into the review queue. */
    @AuditIgnored
    @Column(nullable = false)
    public long found;

    /** The highest record id looked at: the next chunk starts after it. */
    @AuditIgnored
    @Column(name = "last_id", nullable = false)
    public long lastId;

    @Column(name = "started_by", nullable = false, length = 64)
    public String startedBy;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
