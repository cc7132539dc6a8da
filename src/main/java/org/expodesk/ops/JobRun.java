package org.expodesk.ops;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One firing of a scheduled job on one node. Not an audited record: jobs fire every few
 * seconds, and pausing or resuming them is audited instead.
 */
@Entity
@Table(name = "job_run")
public class JobRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The job's identity (the Quartz job name). */
    @Column(nullable = false, length = 200)
    public String job;

    /** The Quartz instance id of the node that ran it. */
    @Column(nullable = false, length = 200)
    public String node;

    @Column(name = "fire_id", length = 95)
    public String fireId;

    /** Started by "run now" rather than by its schedule. */
    @Column(nullable = false)
    public boolean manual;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public JobOutcome outcome;

    /** What went wrong, shortened and with anything that looks like a secret masked. */
    @Column(length = 300)
    public String error;
}
