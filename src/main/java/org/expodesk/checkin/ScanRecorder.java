package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.badge.Badge;
import org.expodesk.badge.Verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one scan and records it, in one transaction that begins by locking the badge's
 * admission row. It must begin so: under REPEATABLE READ, InnoDB fixes a transaction's view at
 * its first plain read, and only a view taken after the lock shows the scans that the
 * transaction this one waited for has just committed. So nothing is read here before
 * {@link #lock}; the code and the gate are checked by the caller.
 */
@ApplicationScoped
public class ScanRecorder {

    /** A scan ready to decide: verified code, found gate. */
    public record Prepared(long exhibitionId, Verification verification, Long badgeId, long gateId, String gateName,
                           GateKind gateKind, Set<String> gateZones, Set<String> gateCategories, String scanId,
                           Instant scannedAt, Direction direction, boolean offline,
                           CheckinRules.Result offlineResult) {
    }

    @Inject
    EntityManager em;

    @Inject
    EntryPolicies policies;

    @Inject
    Clock clock;

    @Transactional
    public Checkins.Answer record(Scanner who, Prepared p) {
        Instant now = clock.instant();
        Admission admission = p.badgeId() == null ? null : lock(p.badgeId(), p.exhibitionId(), now);
        Optional<CheckinScan> done = recorded(who.scannedBy(), p.scanId());
        if (done.isPresent()) {
            return answerOf(done.get());
        }
        Badge badge = p.badgeId() == null ? null : em.find(Badge.class, p.badgeId());
        ZoneId zone = zoneOf(p.exhibitionId());
        CheckinRules.Outcome outcome = CheckinRules.decide(new CheckinRules.Facts(
                facts(p.verification(), badge),
                new CheckinRules.Place(p.gateName(), p.gateKind(), p.gateZones(), p.gateCategories(), who.categories()),
                badge == null ? null : policies.forCategory(p.exhibitionId(), badge.categoryCode),
                p.scannedAt(), zone, p.direction(), badge == null ? List.of() : previous(badge.id, p)));
        CheckinRules.Result serverResult = outcome.result();
        boolean unconfirmed = p.offline() && p.offlineResult() == CheckinRules.Result.ALREADY_ADMITTED
                && serverResult == CheckinRules.Result.ADMITTED;
        if (unconfirmed) {
            // The tablet turned the holder away for an earlier admission the server has not received yet,
            // typically a lane of the same gate still offline (ADR 0014). The scan records what happened at
            // the gate (counted as an admission, the earlier one would count twice once uploaded); the
            // conflict below stays for staff until that earlier admission arrives.
            outcome = new CheckinRules.Outcome(CheckinRules.Result.ALREADY_ADMITTED, null, null, null);
        }

        CheckinScan scan = new CheckinScan();
        scan.scannedBy = who.scannedBy();
        scan.scanId = p.scanId();
        scan.exhibitionId = p.exhibitionId();
        scan.badgeId = badge == null ? null : badge.id;
        scan.category = badge == null ? null : badge.categoryCode;
        scan.gateId = p.gateId();
        scan.gateName = p.gateName();
        scan.direction = CheckinRules.directionOf(p.direction(), p.gateKind());
        scan.scannedAt = p.scannedAt();
        scan.recordedAt = now;
        scan.result = outcome.result();
        scan.reason = outcome.reason();
        scan.earlierAt = outcome.earlierAt();
        scan.earlierGate = outcome.earlierGate();
        scan.deviceId = who.deviceId();
        scan.userId = who.userId();
        scan.offline = p.offline();
        scan.persist();
        em.flush();

        if (badge != null && admission != null) {
            summarize(admission, scan, now);
        }
        if (p.offline() && badge != null && scan.result == CheckinRules.Result.ADMITTED) {
            settleUnconfirmed(badge.id, scan.scannedAt, zone);
        }
        if (p.offlineResult() != null && (unconfirmed || p.offlineResult() != outcome.result())) {
            CheckinConflict conflict = new CheckinConflict();
            conflict.exhibitionId = p.exhibitionId();
            conflict.scanId = scan.id;
            conflict.badgeId = scan.badgeId;
            conflict.offlineResult = p.offlineResult();
            conflict.result = serverResult;
            conflict.reason = outcome.reason();
            conflict.earlierAt = outcome.earlierAt();
            conflict.earlierGate = outcome.earlierGate();
            conflict.createdAt = now;
            conflict.persist();
        }
        return answerOf(scan, badge, zone);
    }

    /**
     * An uploaded admission explains the unconfirmed refusals of the same badge later that day (see
     * {@link #record}): the tablet that refused knew of it; those conflicts are settled.
     */
    private void settleUnconfirmed(long badgeId, Instant admittedAt, ZoneId zone) {
        Instant dayEnds = admittedAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        em.createNativeQuery("delete c from checkin_conflict c join checkin_scan s on s.id = c.scan_id "
                        + "where c.badge_id = ?1 and c.offline_result = 'ALREADY_ADMITTED' and c.result = 'ADMITTED' "
                        + "and s.scanned_at >= ?2 and s.scanned_at < ?3")
                .setParameter(1, badgeId).setParameter(2, admittedAt).setParameter(3, dayEnds).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CheckinScan> recorded(String scannedBy, String scanId) {
        return CheckinScan.find("scannedBy = ?1 and scanId = ?2", scannedBy, scanId).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Checkins.Answer answerOf(CheckinScan scan) {
        return answerOf(scan, scan.badgeId == null ? null : em.find(Badge.class, scan.badgeId),
                zoneOf(scan.exhibitionId));
    }

    /** Only the edition's zone: the edition itself is an audited entity, whose loading costs more. */
    private ZoneId zoneOf(long exhibitionId) {
        return ZoneId.of(em.createQuery("select e.timezone from Exhibition e where e.id = :id", String.class)
                .setParameter("id", exhibitionId).getSingleResult());
    }

    static Checkins.Answer answerOf(CheckinScan scan, Badge badge, ZoneId zone) {
        Checkins.BadgeInfo info = badge == null ? null : new Checkins.BadgeInfo(badge.id, badge.holderName,
                badge.organizationName, badge.categoryCode, badge.categoryLabel, badge.categoryColour);
        return new Checkins.Answer(scan.scanId, scan.result, scan.reason, info, scan.earlierAt, scan.earlierGate, true, zone);
    }

    /** The facts of a code that named no edition: only its signature matters. */
    static CheckinRules.Facts unreadable(Verification verification) {
        return new CheckinRules.Facts(facts(verification, null), null, null, null, null, null, List.of());
    }

    /**
     * Makes the badge's admission row if it has none and locks it, then loads it; null when the badge
     * id is no badge (the foreign key, IGNORE). ON DUPLICATE KEY UPDATE is what makes this safe as the
     * first statement: on an existing row it takes the row's exclusive lock at once, where a plain
     * INSERT IGNORE takes a shared lock that a later FOR UPDATE must upgrade, and two scans upgrading
     * at once deadlock. The first scan of a badge inserts; the others wait on its row.
     */
    private Admission lock(long badgeId, long exhibitionId, Instant now) {
        em.createNativeQuery("insert ignore into checkin_admission (badge_id, exhibition_id, admissions, updated_at) "
                        + "values (?1, ?2, 0, ?3) on duplicate key update badge_id = badge_id")
                .setParameter(1, badgeId).setParameter(2, exhibitionId).setParameter(3, now).executeUpdate();
        // plain SQL: Hibernate's MySQL dialect writes FOR UPDATE OF, which MariaDB refuses
        List<?> rows = em.createNativeQuery("select * from checkin_admission where badge_id = ?1 for update",
                        Admission.class)
                .setParameter(1, badgeId).getResultList();
        return rows.isEmpty() ? null : (Admission) rows.get(0);
    }

    /**
     * Online: every scan recorded so far; an uploaded offline scan: those scanned before it. Only
     * admissions and exits: the rules count nothing else, and a badge scanned again and again at a
     * gate would otherwise make every further scan read all its rejected and repeated ones.
     */
    private List<CheckinRules.PreviousScan> previous(long badgeId, Prepared p) {
        // two parameters, not a list: Hibernate translates a query with a list parameter again on every run
        CheckinRules.Result admitted = CheckinRules.Result.ADMITTED;
        CheckinRules.Result exited = CheckinRules.Result.EXITED;
        List<CheckinScan> scans = p.offline()
                ? CheckinScan.list("badgeId = ?1 and (result = ?2 or result = ?3) and scannedAt <= ?4 "
                        + "order by scannedAt, id", badgeId, admitted, exited, p.scannedAt())
                : CheckinScan.list("badgeId = ?1 and (result = ?2 or result = ?3) order by scannedAt, id", badgeId,
                        admitted, exited);
        return scans.stream().map(CheckinScan::asPrevious).toList();
    }

    private static CheckinRules.Badge facts(Verification v, Badge badge) {
        CheckinRules.Signature signature = switch (v.result()) {
            case VALID -> CheckinRules.Signature.VALID;
            case MALFORMED, UNSUPPORTED_VERSION -> CheckinRules.Signature.UNREADABLE;
            case UNKNOWN_KEY, FORGED -> CheckinRules.Signature.FORGED;
            case WRONG_EDITION -> CheckinRules.Signature.OTHER_EDITION;
        };
        if (badge == null) {
            return new CheckinRules.Badge(signature, CheckinRules.BadgeState.UNKNOWN, null, Set.of(), Set.of(),
                    false, false);
        }
        CheckinRules.BadgeState state = switch (badge.state) {
            case VALID -> CheckinRules.BadgeState.ACTIVE;
            case REVOKED -> CheckinRules.BadgeState.REVOKED;
            case SUPERSEDED -> CheckinRules.BadgeState.SUPERSEDED;
        };
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate d = badge.firstDay; !d.isAfter(badge.lastDay); d = d.plusDays(1)) {
            days.add(d);
        }
        // Buyer verification lives in registration, which check-in does not read; until registration
        // tells badges, no category requires it here (docs/checkin.md).
        return new CheckinRules.Badge(signature, state, badge.categoryCode, days, Set.copyOf(badge.zoneList()),
                false, true);
    }

    private static void summarize(Admission admission, CheckinScan scan, Instant now) {
        if (scan.result == CheckinRules.Result.ADMITTED) {
            admission.admissions++;
            if (admission.firstAdmittedAt == null || scan.scannedAt.isBefore(admission.firstAdmittedAt)) {
                admission.firstAdmittedAt = scan.scannedAt;
            }
            if (admission.lastAdmittedAt == null || !scan.scannedAt.isBefore(admission.lastAdmittedAt)) {
                admission.lastAdmittedAt = scan.scannedAt;
                admission.lastAdmittedGate = scan.gateName;
            }
        } else if (scan.result == CheckinRules.Result.EXITED
                && (admission.lastExitedAt == null || scan.scannedAt.isAfter(admission.lastExitedAt))) {
            admission.lastExitedAt = scan.scannedAt;
        }
        admission.updatedAt = now;
    }
}
