package org.expodesk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A link of the time chain: the successor follows the predecessor, lag in working days. */
@Entity
@Table(name = "task_dependency")
public class TaskDependency extends AuditedEntity {

    @Column(name = "predecessor_id", nullable = false)
    public Long predecessorId;

    @Column(name = "successor_id", nullable = false)
    public Long successorId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 2)
    public DependencyKind kind = DependencyKind.FS;

    @Column(name = "lag_days", nullable = false)
    public int lagDays;
}
