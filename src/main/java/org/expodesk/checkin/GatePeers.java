package org.expodesk.checkin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * Both calls touch the signals before the peer rows, so that they take their locks in one order.
 */
@ApplicationScoped
@Transactional
public class GatePeers {

    /** A page that has not asked for this long is closed: it is no longer offered to others. */
    static final Duration PRESENT_FOR = Duration.ofSeconds(30);
    /** Peers (and their undelivered signals) are forgotten after this long without a word. */
    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(10);
    /** Pages one device may have open at once (a reload opens a new one before the old is forgotten). */
    static final int PAGES_PER_DEVICE = 4;
    static final int MAX_SDP = 20_000;
    private static final int MAX_TAKEN = 100;
    private static final Pattern PEER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public record SignalInput(String from, String kind, String sdp) {
    }

    public record Signal(long id, String from, GatePeerSignal.Kind kind, String sdp) {
    }

    /** The other pages open at the same gate, and the signals left for this one after the last it took. */
    public record Presence(String gate, List<String> peers, List<Signal> signals) {
    }

    @Inject
    Gates gates;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * A page says it is open at its gate (the device's own gate, else the one the page chose) and
     * acknowledges the signals it has {@code taken}: those are dropped, the others handed out
     * (again, if an answer was lost). A peer id is the page's from its first call on.
     */
    public Presence present(SignedInDevice device, String peerId, String gateName, List<Long> taken) {
        requirePeerId("peerId", peerId);
        Gate gate = gateOf(device, gateName);
        Instant now = clock.instant();
        if (taken != null && !taken.isEmpty()) {
            GatePeerSignal.delete("toPeer = ?1 and id in ?2", peerId, taken.stream().limit(MAX_TAKEN).toList());
        }
        List<Signal> signals = GatePeerSignal.<GatePeerSignal>list("toPeer = ?1 order by id", peerId).stream()
                .map(s -> new Signal(s.id, s.fromPeer, s.kind, s.sdp)).toList();
        GatePeer peer = GatePeer.findById(peerId);
        if (peer == null) {
            peer = new GatePeer();
            peer.peerId = peerId;
            peer.deviceId = device.deviceId();
            peer.gateId = gate.id;
            peer.seenAt = now;
            peer.persist();
            forgetSurplusPages(device.deviceId());
        } else if (peer.deviceId != device.deviceId()) {
            throw ProblemException.notFound("Peer");
        } else {
            if (!peer.gateId.equals(gate.id)) {
                // the page moved to another gate: offers made for the old one are void
                GatePeerSignal.delete("toPeer = ?1", peerId);
                GatePeerSignal.delete("fromPeer = ?1", peerId);
                signals = List.of();
            }
            peer.gateId = gate.id;
            peer.seenAt = now;
        }
        List<String> others = GatePeer.<GatePeer>list("gateId = ?1 and seenAt >= ?2 and peerId <> ?3 order by peerId",
                gate.id, now.minus(PRESENT_FOR), peerId).stream().map(p -> p.peerId).toList();
        return new Presence(gate.name, others, signals);
    }

    /**
     * A page's offer or answer to another page of the same gate; a newer one of a kind replaces the
     * older in place (an upsert: a delete and an insert would lock the gap and deadlock two senders).
     */
    public void signal(SignedInDevice device, String toPeer, SignalInput input) {
        GatePeerSignal.Kind kind = check(input);
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
        em.createNativeQuery("insert into checkin_peer_signal (to_peer, from_peer, kind, sdp, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on duplicate key update sdp = ?4, created_at = ?5")
                .setParameter(1, toPeer).setParameter(2, from.peerId).setParameter(3, kind.name())
                .setParameter(4, input.sdp()).setParameter(5, now).executeUpdate();
    }

    /** Forgets pages closed long ago, with what was left for them; on one node (clustered Quartz). */
    @Scheduled(identity = "checkin-peer-sweep", every = "5m", delayed = "1m")
    void forgetClosedPages() {
        GatePeer.delete("seenAt < ?1", clock.instant().minus(FORGOTTEN_AFTER));
    }

    /** A device keeps its newest pages only: a page left behind (or a misbehaving one) cannot fill a gate. */
    private void forgetSurplusPages(long deviceId) {
        List<GatePeer> pages = GatePeer.list("deviceId = ?1 order by seenAt desc, peerId", deviceId);
        pages.stream().skip(PAGES_PER_DEVICE).forEach(GatePeer::delete);
    }

    private static GatePeerSignal.Kind check(SignalInput input) {
        List<FieldError> errors = new ArrayList<>();
        GatePeerSignal.Kind kind = null;
        if (input == null || input.from() == null) {
            errors.add(new FieldError("from", "field_required"));
        } else if (!PEER_ID.matcher(input.from()).matches()) {
            errors.add(new FieldError("from", "checkin_peerIdInvalid"));
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
        return kind;
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
