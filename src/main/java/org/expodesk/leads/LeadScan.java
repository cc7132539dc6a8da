package org.expodesk.leads;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One accepted scan of a lead. Append-only (its own history, so not audited); the client's scan id
 * makes a scan sent again, e.g. from the offline queue after a lost answer, one row.
 */
@Entity
@Table(name = "lead_scan")
public class LeadScan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lead_id", nullable = false)
    public Long leadId;

    @Column(name = "organization_id", nullable = false)
    public Long organizationId;

    @Column(name = "scan_id", nullable = false, length = 64)
    public String scanId;

    @Column(name = "scanned_at", nullable = false)
    public Instant scannedAt;

    @Column(name = "scanned_by", nullable = false, length = 64)
    public String scannedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
