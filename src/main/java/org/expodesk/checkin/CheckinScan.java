package org.expodesk.checkin;

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
 * One scan as it was decided, online or uploaded from a device that was offline. Append-only:
 * never updated or deleted (so not an audited record; the log is its own history). A client's
 * retry of one scan ({@code scannedBy} + {@code scanId}) is one row.
 */
@Entity
@Table(name = "checkin_scan")
public class CheckinScan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code device:<id>} or {@code user:<id>}. */
    @Column(name = "scanned_by", nullable = false, length = 40)
    public String scannedBy;

    @Column(name = "scan_id", nullable = false, length = 64)
    public String scanId;

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    /** Null when the code named no badge of ours. */
    @Column(name = "badge_id")
    public Long badgeId;

    @Column(length = 32)
    public String category;

    @Column(name = "gate_id")
    public Long gateId;

    /** The gate's name when scanned (a gate may be renamed later). */
    @Column(name = "gate_name", nullable = false, length = 64)
    public String gateName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 3)
    public Direction direction;

    /** When the device scanned it (its clock for offline scans). */
    @Column(name = "scanned_at", nullable = false)
    public Instant scannedAt;

    /** When the server stored it. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public CheckinRules.Result result;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 32)
    public CheckinRules.Reason reason;

    @Column(name = "device_id")
    public Long deviceId;

    @Column(name = "user_id")
    public Long userId;

    @Column(nullable = false)
    public boolean offline;

    /** For ALREADY_ADMITTED: the admission the answer named. */
    @Column(name = "earlier_at")
    public Instant earlierAt;

    @Column(name = "earlier_gate", length = 64)
    public String earlierGate;

    public CheckinRules.PreviousScan asPrevious() {
        return new CheckinRules.PreviousScan(scannedAt, gateName, direction, result);
    }
}
