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

/** A WebRTC offer or answer from one peer of a gate to another, kept until the addressee fetches it. */
@Entity
@Table(name = "checkin_peer_signal")
public class GatePeerSignal extends PanacheEntityBase {

    public enum Kind { OFFER, ANSWER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "to_peer", nullable = false, length = 36, columnDefinition = "CHAR(36)")
    public String toPeer;

    @Column(name = "from_peer", nullable = false, length = 36, columnDefinition = "CHAR(36)")
    public String fromPeer;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    public Kind kind;

    @Column(nullable = false, columnDefinition = "mediumtext")
    public String sdp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
