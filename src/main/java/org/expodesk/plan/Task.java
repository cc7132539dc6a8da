package org.expodesk.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A controlled piece of work in an exhibition's plan: what must be reached (goal, criteria), who
 * does it (owner) and who checks it (checker), when (planned start, duration in working days, due
 * date), and where it stands in the control loop.
 */
@Entity
@Table(name = "task")
public class Task extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(name = "stage_id", nullable = false)
    public Long stageId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(columnDefinition = "text")
    public String goal;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(name = "checker_id")
    public Long checkerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Priority priority = Priority.NORMAL;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public TaskState state = TaskState.PLANNED;

    /** Planned start: not earlier than this day (for a pinned task: exactly this day). */
    @Column(name = "start_on")
    public LocalDate startOn;

    /** Working days of work; 0 makes a milestone. */
    @Column(name = "duration_days", nullable = false)
    public int durationDays;

    /** Must be finished by this day (besides the end of its stage). */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** Keeps its planned dates when predecessors slip, and shows a conflict instead. */
    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "percent_complete", nullable = false)
    public int percentComplete;

    /** The owner's current expectation of the finish day (the monitor step). */
    @Column(name = "forecast_finish")
    public LocalDate forecastFinish;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_finish")
    public LocalDate actualFinish;

    @Column(name = "waive_reason", length = 500)
    public String waiveReason;

    /** Who started and who submitted the work: they may not check or confirm it (four eyes). */
    @Column(name = "started_by")
    public Long startedBy;

    @Column(name = "submitted_by")
    public Long submittedBy;

    /** True if this user owns the task or did its work. */
    public boolean workedOnBy(long userId) {
        return (ownerId != null && ownerId == userId) || (startedBy != null && startedBy == userId)
                || (submittedBy != null && submittedBy == userId);
    }

    /** Set on the response tasks that an activated contingency plan put into the plan. */
    @Column(name = "risk_id")
    public Long riskId;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<TaskCriterion> criteria = new ArrayList<>();
}
