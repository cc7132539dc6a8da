package org.expodesk.checkin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.SignedInDevice;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's part in tablets of one gate sharing their scan logs (docs/checkin.md, "Tablets of a
 * gate share their logs"): it tells an open check-in page which other pages of its gate are open
 * and passes on their WebRTC offers and answers. The logs themselves never pass through here.
 */
@ApplicationScoped
@Transactional
public class GatePeers {

    /** A page that has not asked for this long is closed: it is no longer offered to others. */
    static final Duration PRESENT_FOR = Duration.ofSeconds(30);
    /** Peers (and their undelivered signals) are forgotten after this long without a word. */
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(10);
    static final int MAX_SDP = 20_000;
    private static final Pattern PEER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public record SignalInput(String from, String kind, String sdp) {
    }

    public record Signal(String from, GatePeerSignal.Kind kind, String sdp) {
    }

    /** The other pages open at the same gate, and the signals addressed to this one (each given once). */
    public record Presence(String gate, List<String> peers, List<Signal> signals) {
    }

    @Inject
    Gates gates;

    @Inject
    Clock clock;

    /**
     * A page says it is open at its gate: the device's own gate, else the one the page chose. A peer
     * id is the page's from its first call on; another device cannot take it over.
     */
    public Presence present(SignedInDevice device, String peerId, String gateName) {
        requirePeerId("peerId", peerId);
        Gate gate = gateOf(device, gateName);
        Instant now = clock.instant();
        GatePeer peer = GatePeer.findById(peerId);
        if (peer == null) {
            peer = new GatePeer();
            peer.peerId = peerId;
            peer.deviceId = device.deviceId();
            peer.gateId = gate.id;
            peer.seenAt = now;
            peer.persist();
        } else if (peer.deviceId != device.deviceId()) {
            throw ProblemException.notFound("Peer");
        } else {
            if (!peer.gateId.equals(gate.id)) {
                // the page moved to another gate: offers made for the old one are void
                GatePeerSignal.delete("toPeer = ?1 or fromPeer = ?1", peerId);
            }
            peer.gateId = gate.id;
            peer.seenAt = now;
        }
        List<String> others = GatePeer.<GatePeer>list("gateId = ?1 and seenAt >= ?2 and peerId <> ?3 order by peerId",
                gate.id, now.minus(PRESENT_FOR), peerId).stream().map(p -> p.peerId).toList();
        List<GatePeerSignal> pending = GatePeerSignal.list("toPeer = ?1 order by id", peerId);
        List<Signal> signals = pending.stream().map(s -> new Signal(s.fromPeer, s.kind, s.sdp)).toList();
        if (!pending.isEmpty()) {
            GatePeerSignal.delete("toPeer = ?1 and id <= ?2", peerId, pending.get(pending.size() - 1).id);
        }
        return new Presence(gate.name, others, signals);
    }

    /**
     * A page's offer or answer to another page of the same gate. Only the latest of a kind between
     * two pages is kept, so a page that retries does not pile them up.
     */
    public void signal(SignedInDevice device, String toPeer, SignalInput input) {
        List<FieldError> errors = new ArrayList<>();
        GatePeerSignal.Kind kind = null;
        if (input == null || input.from() == null || !PEER_ID.matcher(input.from()).matches()) {
            errors.add(new FieldError("from", input == null || input.from() == null ? "field_required"
                    : "checkin_peerIdInvalid"));
        }
        if (input != null) {
            if (input.kind() == null) {
                errors.add(new FieldError("kind", "field_required"));
            } else {
                try {
                    kind = GatePeerSignal.Kind.valueOf(input.kind());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("kind", "checkin_signalKindInvalid"));
                }
            }
            if (input.sdp() == null || input.sdp().isBlank()) {
                errors.add(new FieldError("sdp", "field_required"));
            } else if (input.sdp().length() > MAX_SDP) {
                errors.add(new FieldError("sdp", "field_tooLong"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requirePeerId("peerId", toPeer);
        Instant now = clock.instant();
        GatePeer from = GatePeer.findById(input.from());
        if (from == null || from.deviceId != device.deviceId()) {
            throw ProblemException.notFound("Peer");
        }
        GatePeer to = GatePeer.findById(toPeer);
        if (to == null || !to.gateId.equals(from.gateId) || to.seenAt.isBefore(now.minus(PRESENT_FOR))) {
            throw ProblemException.notFound("Peer");
        }
        GatePeerSignal.delete("toPeer = ?1 and fromPeer = ?2 and kind = ?3", toPeer, from.peerId, kind);
        GatePeerSignal signal = new GatePeerSignal();
        signal.toPeer = toPeer;
        signal.fromPeer = from.peerId;
        signal.kind = kind;
        signal.sdp = input.sdp();
        signal.createdAt = now;
        signal.persist();
    }

    /** Forgets pages closed long ago, with what was left for them; on one node (clustered Quartz). */
    @Scheduled(identity = "checkin-peer-sweep", every = "5m", delayed = "1m")
    void forgetClosedPages() {
        GatePeer.delete("seenAt < ?1", clock.instant().minus(FORGOTTEN_AFTER));
    }

    private Gate gateOf(SignedInDevice device, String gateName) {
        if (device.gateId() != null) {
            return gates.get(device.gateId());
        }
        if (gateName == null || gateName.isBlank()) {
            throw ProblemException.invalid("gate", "field_required");
        }
        return gates.byName(device.exhibitionId(), gateName)
                .orElseThrow(() -> ProblemException.invalid("gate", "gate_unknown"));
    }

    private static void requirePeerId(String field, String peerId) {
        if (peerId == null || !PEER_ID.matcher(peerId).matches()) {
            throw ProblemException.invalid(field, "checkin_peerIdInvalid");
        }
    }
}
