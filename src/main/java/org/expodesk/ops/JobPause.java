package org.expodesk.ops;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A job an administrator paused. Quarkus replaces every job's trigger when a node starts, which
 * leaves it running again; {@link Jobs} pauses these once more at each start.
 */
@Entity
@Table(name = "job_pause")
public class JobPause extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String job;

    @Column(name = "paused_at", nullable = false)
    public Instant pausedAt;

    @Column(name = "paused_by", nullable = false, length = 64)
    public String pausedBy;
}
