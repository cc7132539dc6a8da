package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.expodesk.badge.BadgeCodes;
import org.expodesk.badge.Badges;
import org.expodesk.badge.Verification;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Scans, online and uploaded from offline devices (docs/checkin.md). The code is read here, outside
 * the transaction: an online code naming the scanner's edition only parsed, for {@link ScanQueue}'s
 * batch to prove by the badge's issued code (or by its signature, alone), any other verified here.
 * {@link ScanRecorder} or {@link ScanBatchRecorder} then decides and records under the badge's lock.
 * Deliberately not transactional itself: see {@link ScanRecorder}.
 */
@ApplicationScoped
public class Checkins {

    /** A scan as a client sends it; {@code offlineResult} only in an upload of offline scans. */
    public record ScanInput(String code, String gate, String scanId, Instant scannedAt, Direction direction,
                            CheckinRules.Result offlineResult) {
    }

    /** What the scanner shows about the badge. */
    public record BadgeInfo(long id, String holder, String organization, String category, String categoryLabel,
                            String colour) {
    }

    /** The decision as answered; {@code recorded} false only when no edition could be told from the code. */
    public record Answer(String scanId, CheckinRules.Result result, CheckinRules.Reason reason, BadgeInfo badge,
                         Instant earlierAt, String earlierGate, boolean recorded, ZoneId zone) {

        public String messageKey() {
            return new CheckinRules.Outcome(result, reason, earlierAt, earlierGate).messageKey();
        }
    }

    public static final int MAX_BATCH = 500;
    private static final int MAX_CODE = 1000;
    /** Device clocks drift; a scan further in the future than this is refused. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    @Inject
    Badges badges;

    @Inject
    Gates gates;

    @Inject
    ScanRecorder recorder;

    @Inject
    ScanQueue queue;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** An online scan: decided at the server's clock (a {@code scannedAt} sent online is not trusted). */
    public Answer scan(Scanner who, ScanInput input) {
        List<FieldError> errors = new ArrayList<>();
        check(input, "", false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return decide(who, input, false, clock.instant());
    }

    /**
     * Scans a device made offline: decided in the order they were scanned (the device's clock),
     * each against the scans recorded before it, answered in the order sent. A bad item refuses
     * the whole upload before anything is recorded, so the device can send it again unchanged
     * once fixed; items already recorded by an earlier upload are answered from their rows.
     */
    public List<Answer> batch(Scanner who, List<ScanInput> scans) {
        List<FieldError> errors = new ArrayList<>();
        if (scans == null || scans.isEmpty()) {
            errors.add(new FieldError("scans", "field_required"));
        } else if (scans.size() > MAX_BATCH) {
            errors.add(new FieldError("scans", "checkin_batchTooLarge"));
        } else {
            for (int i = 0; i < scans.size(); i++) {
                check(scans.get(i), "scans[" + i + "].", true, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (int i = 0; i < scans.size(); i++) {
            Long edition = editionOf(who, scans.get(i).code());
            if (edition != null && gateOf(who, edition, scans.get(i).gate()).isEmpty()) {
                throw ProblemException.invalid("scans[" + i + "].gate", "gate_unknown");
            }
        }
        Answer[] answers = new Answer[scans.size()];
        IntStream.range(0, scans.size()).boxed()
                .sorted(Comparator.comparing(i -> scans.get(i).scannedAt()))
                .forEach(i -> answers[i] = decide(who, scans.get(i), true, scans.get(i).scannedAt()));
        return List.of(answers);
    }

    private void check(ScanInput input, String prefix, boolean offline, List<FieldError> errors) {
        if (input == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "scan" : prefix.substring(0, prefix.length() - 1),
                    "field_required"));
            return;
        }
        if (input.scanId() == null || input.scanId().isBlank()) {
            errors.add(new FieldError(prefix + "scanId", "field_required"));
        } else if (input.scanId().length() > 64) {
            errors.add(new FieldError(prefix + "scanId", "field_tooLong"));
        }
        if (input.code() == null) {
            errors.add(new FieldError(prefix + "code", "field_required"));
        } else if (input.code().length() > MAX_CODE) {
            errors.add(new FieldError(prefix + "code", "field_tooLong"));
        }
        if (offline && input.scannedAt() == null) {
            errors.add(new FieldError(prefix + "scannedAt", "field_required"));
        } else if (offline && input.scannedAt().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError(prefix + "scannedAt", "checkin_scannedInFuture"));
        }
    }

    /**
     * A scan id this scanner sent before is answered from its row by the recorder, under the
     * badge's lock, so a retry costs a verification but no extra statement on the common path.
     */
    private Answer decide(Scanner who, ScanInput input, boolean offline, Instant at) {
        String code = input.code().strip();
        Verification verification;
        Long exhibitionId = editionOf(who, code);
        Verification parsed = BadgeCodes.parse(code);
        String unproven = null;
        if (!offline && exhibitionId != null && parsed.payload() != null
                && parsed.payload().exhibitionId() == exhibitionId) {
            // a batch proves the code by the badge's row, and checks the signature only if the code is not that one
            verification = parsed;
            unproven = code;
        } else if (who.isDevice()) {
            verification = badges.verify(code, exhibitionId);
        } else {
            verification = badges.verify(code);
        }
        if (exhibitionId == null) {
            // a staff scan of something that names no edition of ours: nothing to record it against
            return new Answer(input.scanId(), CheckinRules.Result.REJECTED,
                    CheckinRules.decide(ScanRecorder.unreadable(verification)).reason(), null, null, null, false, null);
        }
        ScanRecorder.Prepared prepared = new ScanRecorder.Prepared(exhibitionId, verification,
                verification.valid() ? verification.payload().badgeId() : null, who.gateId(), input.gate(),
                input.scanId(), at, input.direction(), offline, offline ? input.offlineResult() : null, unproven);
        try {
            return queue.record(who, prepared);
        } catch (RuntimeException e) {
            if (!isDuplicateScan(e)) {
                throw e;
            }
            // the same scan id sent twice at once: the other request recorded it
            return recorder.recorded(who.scannedBy(), input.scanId()).map(recorder::answerOf).orElseThrow(() -> e);
        }
    }

    /** The edition a scan is decided in: the device's, or for staff the one the code names, if it exists. */
    private Long editionOf(Scanner who, String code) {
        if (who.isDevice()) {
            return who.exhibitionId();
        }
        Verification parsed = BadgeCodes.parse(code == null ? null : code.strip());
        if (parsed.payload() == null) {
            return null;
        }
        long id = parsed.payload().exhibitionId();
        return em.find(Exhibition.class, id) == null ? null : id;
    }

    /** A device set to a gate scans there whatever the request names; otherwise the scan names it. */
    private Optional<Gate> gateOf(Scanner who, long exhibitionId, String name) {
        if (who.gateId() != null) {
            return Optional.ofNullable(Gate.<Gate>findById(who.gateId()));
        }
        return gates.byName(exhibitionId, name);
    }

    private static boolean isDuplicateScan(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("uk_checkin_scan_client")) {
                return true;
            }
        }
        return false;
    }
}
