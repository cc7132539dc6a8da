package org.expodesk.party.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One uploaded file and its import. Not an audited record: its counters move with every chunk,
 * and the records it creates are audited themselves. The file's content stays here (any node
 * may carry the run on) until the run ends.
 */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    public enum Status { UPLOADED, QUEUED, RUNNING, DONE, FAILED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public ImportKind kind;

    @Column(length = 100)
    public String source;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    public ImportFile.Format format;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "longblob")
    public byte[] content;

    /** JSON: header (lower case) → target field. */
    @Column(columnDefinition = "text")
    public String mapping;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    /** Rows before this one (by position among data rows) are done and committed. */
    @Column(name = "next_row", nullable = false)
    public int nextRow;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int updated;

    @Column(nullable = false)
    public int merged;

    @Column(name = "needs_review", nullable = false)
    public int needsReview;

    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public int errors;

    @Column(name = "started_by", nullable = false, length = 64)
    public String startedBy;

    /** When a node last took the run or finished a chunk of it; an old one means the node is gone. */
    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Done rows out of all, 0 to 100. */
    public int progress() {
        if (status == Status.DONE) {
            return 100;
        }
        return totalRows == 0 ? 0 : (int) Math.min(100, 100L * nextRow / totalRows);
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
