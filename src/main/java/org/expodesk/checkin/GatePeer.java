package org.expodesk.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One open check-in page of a device at a gate, as long as it keeps telling the server it is there. */
@Entity
@Table(name = "checkin_peer")
public class GatePeer extends PanacheEntityBase {

    @Id
    @Column(name = "peer_id", length = 36, columnDefinition = "CHAR(36)")
    public String peerId;

    @Column(name = "device_id", nullable = false)
    public Long deviceId;

    @Column(name = "gate_id", nullable = false)
    public Long gateId;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
