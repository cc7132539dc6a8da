package org.expodesk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** A document or page a task refers to (a contract in the shared drive, a floor plan). */
@Entity
@Table(name = "task_link")
public class TaskLink extends AuditedEntity {

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(length = 200)
    public String label;
}
