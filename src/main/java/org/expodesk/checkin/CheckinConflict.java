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
 * A scan a device decided offline that the server, on upload, decided otherwise: typically the
 * holder was let in at two offline gates. The scan row keeps the server's decision; staff read these.
 */
@Entity
@Table(name = "checkin_conflict")
public class CheckinConflict extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    /** The {@link CheckinScan} row's id. */
    @Column(name = "scan_id", nullable = false)
    public Long scanId;

    @Column(name = "badge_id")
    public Long badgeId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "offline_result", nullable = false, length = 20)
    public CheckinRules.Result offlineResult;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public CheckinRules.Result result;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 32)
    public CheckinRules.Reason reason;

    @Column(name = "earlier_at")
    public Instant earlierAt;

    @Column(name = "earlier_gate", length = 64)
    public String earlierGate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
