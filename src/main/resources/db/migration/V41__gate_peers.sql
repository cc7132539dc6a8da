-- Tablets of one gate find each other through the server while it is reachable and then share
-- their scan logs directly (WebRTC data channels; docs/checkin.md, ADR 0014). The server only
-- passes on their connection offers: a peer is one open check-in page, a signal one offer or answer.

CREATE TABLE checkin_peer (
    -- random per page load, chosen by the page
    peer_id   CHAR(36)    NOT NULL,
    device_id BIGINT      NOT NULL,
    gate_id   BIGINT      NOT NULL,
    seen_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (peer_id),
    CONSTRAINT fk_checkin_peer_device FOREIGN KEY (device_id) REFERENCES scanner_device (id) ON DELETE CASCADE,
    CONSTRAINT fk_checkin_peer_gate FOREIGN KEY (gate_id) REFERENCES checkin_gate (id) ON DELETE CASCADE,
    INDEX ix_checkin_peer_gate (gate_id, seen_at),
    INDEX ix_checkin_peer_device (device_id, seen_at),
    INDEX ix_checkin_peer_seen (seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE checkin_peer_signal (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    to_peer    CHAR(36)    NOT NULL,
    from_peer  CHAR(36)    NOT NULL,
    -- OFFER or ANSWER; the session description carries every ICE candidate (no trickling)
    kind       VARCHAR(8)  NOT NULL,
    sdp        MEDIUMTEXT  NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    -- only the latest offer or answer between two pages is kept (an upsert, no delete-then-insert)
    CONSTRAINT uk_checkin_peer_signal UNIQUE (to_peer, from_peer, kind),
    CONSTRAINT fk_checkin_peer_signal_to FOREIGN KEY (to_peer) REFERENCES checkin_peer (peer_id) ON DELETE CASCADE,
    CONSTRAINT fk_checkin_peer_signal_from FOREIGN KEY (from_peer) REFERENCES checkin_peer (peer_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
