package org.expodesk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** An acceptance criterion of a task ("≥ 300 exhibitors contracted"), with the checker's verdict. */
@Entity
@Table(name = "task_criterion")
public class TaskCriterion extends AuditedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false)
    public Task task;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 500)
    public String text;

    /** A measurable target, if the criterion has one. */
    @Column(length = 200)
    public String target;

    /** The last check's verdict: null until checked. */
    public Boolean passed;

    @Column(length = 1000)
    public String note;
}
