package org.expodesk.badge.print;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.expodesk.badge.BadgePdfs;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One batch of badges printed into one PDF in the background. Not an audited record: its progress
 * moves with every few pages; starting it is audited by {@link BadgePrintJobs}. The PDF lies in
 * {@code badge_print_file} until {@link #expiresAt}.
 */
@Entity
@Table(name = "badge_print_job")
public class BadgePrintJob extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, DONE, FAILED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    /** Only badges of this category; null: every category. */
    @Column(name = "category_code", length = 16, updatable = false)
    public String categoryCode;

    /** Only badges of this organization (an exhibitor's staff); null: every organization. */
    @Column(name = "organization_id", updatable = false)
    public Long organizationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16, updatable = false)
    public BadgePdfs.Layout layout;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Status status;

    /** Badges to print, counted when the job starts to run. */
    @Column(nullable = false)
    public int total;

    /** Pages drawn so far. */
    @Column(nullable = false)
    public int done;

    @Column(name = "file_size")
    public Long fileSize;

    @Column(name = "started_by", nullable = false, length = 100, updatable = false)
    public String startedBy;

    /** When a node took the job or last moved its progress; an old one means the node is gone. */
    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the PDF is dropped. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * 0 to 100. Drawing the pages is most of the work; the last few percent are the PDF written and
     * stored, so 100 means the file can be downloaded.
     */
    public int progress() {
        if (status == Status.DONE) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(95, 95L * done / total);
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED || status == Status.EXPIRED;
    }

    public boolean downloadable() {
        return status == Status.DONE;
    }
}
