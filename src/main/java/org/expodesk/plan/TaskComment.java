package org.expodesk.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A remark on a task; comments are only added, never edited. */
@Entity
@Table(name = "task_comment")
public class TaskComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "author_name", nullable = false, length = 64)
    public String authorName;

    @Column(nullable = false, length = 4000)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
