package org.expodesk.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** One task's early dates in a baseline. Written once with the baseline, never changed. */
@Entity
@Table(name = "plan_baseline_task")
public class BaselineTask extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "baseline_id") Long baselineId, @Column(name = "task_id") Long taskId)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Column(name = "early_start", nullable = false)
    public LocalDate earlyStart;

    @Column(name = "early_finish", nullable = false)
    public LocalDate earlyFinish;
}
