package org.expodesk.checkin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.account.CodeSetConverter;
import org.expodesk.account.DeviceTokenCache;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Verification;
import org.expodesk.platform.problem.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.expodesk.platform.db.UtcColumns.instant;

/**
 * Decides one scan and records it, in one transaction that begins by locking the badge's
 * admission row. It must begin so: under REPEATABLE READ, InnoDB fixes a transaction's view at
 * its first plain read, and only a view taken after the lock shows the scans that the
 * transaction this one waited for has just committed. So nothing is read here before
 * {@link #LOCK}; the code is verified by the caller (an unproven one by {@link ScanQueue}).
 *
 * <p>Plain JDBC on one pooled connection, six statements for a first entry (begin, lock,
 * everything the decision needs, insert, summary, commit): the hot path of
 * check-in, where Hibernate's per-statement work was most of the server's time
 * (docs/adr/0017-online-scans-in-plain-jdbc.md). An online scan sends them in two round trips,
 * the first three together and the last three together, on a pool of its own that allows it
 * (docs/adr/0020-a-scan-in-two-round-trips.md); the decision is made between the two. Everything an edition's staff may change (gates,
 * policies, the device's gate and categories, its credential) is read in the transaction, never
 * cached, so a change applies to the next scan on every instance.
 */
@ApplicationScoped
public class ScanRecorder {

    /**
     * A scan ready to decide: the verified code, and the gate as the device is set to it or the scan names it.
     * {@code unproven}: the code of an online scan whose signature is not checked yet, {@code verification}
     * then only its parsed payload; a batch proves it by the badge's row ({@link ScanBatchRecorder}),
     * {@link #proven} by its signature. This class only decides proven scans.
     */
    public record Prepared(long exhibitionId, Verification verification, Long badgeId, Long gateId, String gateName,
                           String scanId, Instant scannedAt, Direction direction, boolean offline,
                           CheckinRules.Result offlineResult, String unproven) {

        public Prepared(long exhibitionId, Verification verification, Long badgeId, Long gateId, String gateName,
                        String scanId, Instant scannedAt, Direction direction, boolean offline,
                        CheckinRules.Result offlineResult) {
            this(exhibitionId, verification, badgeId, gateId, gateName, scanId, scannedAt, direction, offline,
                    offlineResult, null);
        }

        Prepared atGate(Long gateId) {
            return new Prepared(exhibitionId, verification, badgeId, gateId, gateName, scanId, scannedAt, direction,
                    offline, offlineResult, unproven);
        }

        /** The same scan with its code's signature checked. */
        Prepared proven(Verification checked) {
            return new Prepared(exhibitionId, checked, checked.valid() ? checked.payload().badgeId() : null, gateId,
                    gateName, scanId, scannedAt, direction, offline, offlineResult, null);
        }
    }

    /**
     * The first statement: makes the badge's admission row if it has none and locks it; inserts
     * nothing when the badge id is no badge (the foreign key, IGNORE). ON DUPLICATE KEY UPDATE is
     * what makes this safe as the first statement: on an existing row it takes the row's exclusive
     * lock at once, where a plain INSERT IGNORE takes a shared lock that a later FOR UPDATE must
     * upgrade, and two scans upgrading at once deadlock. The first scan of a badge inserts; the
     * others wait on its row.
     */
    private static final String LOCK = "insert ignore into checkin_admission (badge_id, exhibition_id, admissions, "
            + "updated_at) values (?, ?, 0, ?) on duplicate key update badge_id = badge_id";

    /**
     * Everything else, fresh, after the lock: whether this scan id was recorded before, the
     * edition's zone, the gate, the badge, its entry policy and admission summary, the device's
     * settings and whether its credential holds; then one row per earlier admission or exit of the
     * badge (none: one row), the only scans the rules count, so that a badge scanned again and
     * again does not make every further scan read all its rejected and repeated ones.
     */
    private static final String CONTEXT = "select e.timezone, g.id, g.name, g.kind, g.zones, g.categories, "
            + "b.id, b.state, b.first_day, b.last_day, b.zones, b.category_code, b.holder_name, b.organization_name, "
            + "b.category_label, b.category_colour, p.policy, a.badge_id, a.admissions, a.first_admitted_at, "
            + "a.last_admitted_at, a.last_admitted_gate, a.last_exited_at, d.gate_id, d.categories, "
            + "d.revoked_at is null and cr.revoked_at is null and cr.expires_at > ?, "
            + "(select r.id from checkin_scan r where r.scanned_by = ? and r.scan_id = ?), "
            + "s.scanned_at, s.gate_name, s.direction, s.result "
            + "from exhibition e "
            + "left join checkin_gate g on g.exhibition_id = e.id and (g.id = ? or g.name = ?) "
            + "left join badge b on b.id = ? "
            + "left join checkin_entry_policy p on p.exhibition_id = e.id and p.category = b.category_code "
            + "left join checkin_admission a on a.badge_id = b.id "
            + "left join scanner_device d on d.id = ? "
            + "left join auth_credential cr on cr.id = ? and cr.scanner_device_id = d.id "
            + "left join checkin_scan s on s.badge_id = b.id and (s.result = 'ADMITTED' or s.result = 'EXITED')";
    private static final String CONTEXT_ONLINE = CONTEXT + " where e.id = ? order by s.scanned_at, s.id";
    /** An uploaded offline scan counts only the scans scanned at or before it. */
    private static final String CONTEXT_OFFLINE = CONTEXT + " and s.scanned_at <= ? where e.id = ? "
            + "order by s.scanned_at, s.id";

    /**
     * The first round trip: the transaction begun, the badge's row locked, then the context read,
     * in this order on the server (docs/adr/0020-a-scan-in-two-round-trips.md).
     */
    private static final String BEGIN = "start transaction;";
    private static final String BEGIN_LOCKED_ONLINE = BEGIN + LOCK + ";" + CONTEXT_ONLINE;
    private static final String BEGIN_LOCKED_OFFLINE = BEGIN + LOCK + ";" + CONTEXT_OFFLINE;
    private static final String BEGIN_ONLINE = BEGIN + CONTEXT_ONLINE;
    private static final String BEGIN_OFFLINE = BEGIN + CONTEXT_OFFLINE;

    /** The columns of a scan's row, in the order {@link #bindScan} binds them. */
    static final String SCAN_COLUMNS = "scanned_by, scan_id, exhibition_id, badge_id, "
            + "category, gate_id, gate_name, direction, scanned_at, recorded_at, result, reason, device_id, user_id, "
            + "offline, earlier_at, earlier_gate";
    static final String SCAN_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_SCAN = "insert into checkin_scan (" + SCAN_COLUMNS + ") values " + SCAN_VALUES;

    private static final String SUMMARIZE = "update checkin_admission set admissions = ?, first_admitted_at = ?, "
            + "last_admitted_at = ?, last_admitted_gate = ?, last_exited_at = ?, updated_at = ? where badge_id = ?";

    /** The second round trip of a scan that needs no generated key: its writes and the commit, together. */
    private static final String INSERT_COMMIT = INSERT_SCAN + ";commit";
    private static final String INSERT_SUMMARIZE_COMMIT = INSERT_SCAN + ";" + SUMMARIZE + ";commit";

    private static final String INSERT_CONFLICT = "insert into checkin_conflict (exhibition_id, scan_id, badge_id, "
            + "offline_result, result, reason, earlier_at, earlier_gate, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String SETTLE_UNCONFIRMED = "delete c from checkin_conflict c join checkin_scan s "
            + "on s.id = c.scan_id where c.badge_id = ? and c.offline_result = 'ALREADY_ADMITTED' "
            + "and c.result = 'ADMITTED' and s.scanned_at >= ? and s.scanned_at < ?";

    /** A device changed while its token was believed from the cache is decided again with its row's settings. */
    private static final int MAX_ATTEMPTS = 3;

    /** The badge as its row tells it. */
    record BadgeRow(long id, BadgeState state, LocalDate firstDay, LocalDate lastDay, String zones,
                            String category, String holder, String organization, String categoryLabel,
                            String colour) {
    }

    /** The admission summary as it was before this scan. */
    record AdmissionRow(int admissions, Instant firstAdmittedAt, Instant lastAdmittedAt,
                        String lastAdmittedGate, Instant lastExitedAt) {

        /** The summary after a scan decided so: counts, first and last admission, last exit. */
        AdmissionRow after(CheckinRules.Result result, Instant scannedAt, String gateName) {
            int counted = admissions;
            Instant first = firstAdmittedAt;
            Instant last = lastAdmittedAt;
            String lastGate = lastAdmittedGate;
            Instant exited = lastExitedAt;
            if (result == CheckinRules.Result.ADMITTED) {
                counted++;
                if (first == null || scannedAt.isBefore(first)) {
                    first = scannedAt;
                }
                if (last == null || !scannedAt.isBefore(last)) {
                    last = scannedAt;
                    lastGate = gateName;
                }
            } else if (result == CheckinRules.Result.EXITED && (exited == null || scannedAt.isAfter(exited))) {
                exited = scannedAt;
            }
            return new AdmissionRow(counted, first, last, lastGate, exited);
        }
    }

    /** How a transaction ended: an answer, or why it was rolled back. */
    private record Ended(Checkins.Answer answer, boolean recordedBefore, boolean gateUnknown, boolean signedOut,
                         Scanner changed) {

        static Ended answered(Checkins.Answer answer) {
            return new Ended(answer, false, false, false, null);
        }
    }

    private static final Ended RECORDED_BEFORE = new Ended(null, true, false, false, null);
    private static final Ended GATE_UNKNOWN = new Ended(null, false, true, false, null);
    private static final Ended SIGNED_OUT = new Ended(null, false, false, true, null);

    /** The check-in pool, whose connections take several statements at once: only this class and {@link ScanBatchRecorder} use it (ADR 0020, 0021). */
    @Inject
    @io.quarkus.agroal.DataSource("scans")
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    DeviceTokenCache deviceTokens;

    @Inject
    Clock clock;

    /**
     * Decides and records the scan, or answers it from its row when this scanner recorded the scan
     * id before; a 422 {@code gate_unknown} (nothing recorded) when the gate is not the edition's;
     * a 401 when the device was revoked or its token ended meanwhile.
     */
    public Checkins.Answer record(Scanner who, Prepared p) {
        if (p.unproven() != null) {
            throw new IllegalArgumentException("The scan's code is not verified");
        }
        for (int attempt = 1; ; attempt++) {
            Ended ended = inTransaction(who, p);
            if (ended.answer() != null) {
                return ended.answer();
            }
            if (ended.recordedBefore()) {
                return recorded(who.scannedBy(), p.scanId()).map(this::answerOf).orElseThrow();
            }
            if (ended.gateUnknown()) {
                throw ProblemException.unprocessable("gate_unknown");
            }
            deviceTokens.forget(who.deviceId());
            if (ended.signedOut() || attempt == MAX_ATTEMPTS) {
                throw new UnauthorizedException();
            }
            who = ended.changed();
            p = p.atGate(who.gateId());
        }
    }

    /**
     * The transaction begun and ended in SQL on a connection left in autocommit: switching
     * autocommit off and the pool switching it back on would be two more round trips per scan.
     * {@link #decide} begins it and ends it on every return, committed when answered.
     */
    private Ended inTransaction(Scanner who, Prepared p) {
        try (Connection c = dataSource.getConnection()) {
            boolean ended = false;
            try {
                Ended outcome = decide(c, who, p);
                ended = true;
                return outcome;
            } finally {
                if (!ended) {
                    rollback(c);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The scan could not be recorded: " + e.getMessage(), e);
        }
    }

    /** Ends the transaction without an answer: nothing of this attempt is kept. */
    private static Ended rolledBack(Connection c, Ended why) throws SQLException {
        try (Statement rollback = c.createStatement()) {
            rollback.execute("rollback");
        }
        return why;
    }

    /** After a failure: a connection must not go back to the pool inside a transaction. */
    static void rollback(Connection c) {
        try (Statement transaction = c.createStatement()) {
            transaction.execute("rollback");
        } catch (SQLException e) {
            try {
                // broken: the pool must not hand it out again; the server ends the transaction with it
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    private Ended decide(Connection c, Scanner who, Prepared p) throws SQLException {
        Instant now = clock.instant();
        ZoneId zone;
        long gateId;
        String gateName;
        GateKind gateKind;
        Set<String> gateZones;
        Set<String> gateCategories;
        BadgeRow badge = null;
        EntryPolicy policy = null;
        AdmissionRow admission = null;
        List<CheckinRules.PreviousScan> previous = new ArrayList<>();
        String begin = p.badgeId() == null ? (p.offline() ? BEGIN_OFFLINE : BEGIN_ONLINE)
                : p.offline() ? BEGIN_LOCKED_OFFLINE : BEGIN_LOCKED_ONLINE;
        try (PreparedStatement context = c.prepareStatement(begin)) {
            int i = 0;
            if (p.badgeId() != null) {
                context.setLong(++i, p.badgeId());
                context.setLong(++i, p.exhibitionId());
                setInstant(context, ++i, now);
            }
            setInstant(context, ++i, now);
            context.setString(++i, who.scannedBy());
            context.setString(++i, p.scanId());
            setLong(context, ++i, p.gateId());
            context.setString(++i, p.gateId() != null || p.gateName() == null ? null : p.gateName().trim());
            setLong(context, ++i, p.badgeId());
            setLong(context, ++i, who.deviceId());
            setLong(context, ++i, who.credentialId());
            if (p.offline()) {
                setInstant(context, ++i, p.scannedAt());
            }
            context.setLong(++i, p.exhibitionId());
            try (ResultSet rs = resultOf(context)) {
                if (!rs.next()) {
                    return rolledBack(c, GATE_UNKNOWN);
                }
                rs.getLong(27);
                if (!rs.wasNull()) {
                    return rolledBack(c, RECORDED_BEFORE);
                }
                if (who.isDevice()) {
                    if (!rs.getBoolean(26) || rs.wasNull()) {
                        return rolledBack(c, SIGNED_OUT);
                    }
                    Long deviceGate = rs.getObject(24, Long.class);
                    Set<String> deviceCategories = Set.copyOf(codes(rs.getString(25)));
                    if (!Objects.equals(deviceGate, who.gateId()) || !deviceCategories.equals(who.categories())) {
                        return rolledBack(c, new Ended(null, false, false, false,
                                who.withSettings(deviceGate, deviceCategories)));
                    }
                }
                rs.getLong(2);
                if (rs.wasNull()) {
                    return rolledBack(c, GATE_UNKNOWN);
                }
                zone = ZoneId.of(rs.getString(1));
                gateId = rs.getLong(2);
                gateName = rs.getString(3);
                gateKind = GateKind.valueOf(rs.getString(4));
                gateZones = codes(rs.getString(5));
                gateCategories = codes(rs.getString(6));
                rs.getLong(7);
                if (!rs.wasNull()) {
                    badge = new BadgeRow(rs.getLong(7), BadgeState.valueOf(rs.getString(8)),
                            rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getString(11),
                            rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16));
                    String named = rs.getString(17);
                    policy = named == null ? EntryPolicy.DEFAULT : EntryPolicy.valueOf(named);
                    rs.getLong(18);
                    if (!rs.wasNull()) {
                        admission = new AdmissionRow(rs.getInt(19), instant(rs, 20), instant(rs, 21), rs.getString(22),
                                instant(rs, 23));
                    }
                }
                do {
                    String result = rs.getString(31);
                    if (result != null) {
                        previous.add(new CheckinRules.PreviousScan(instant(rs, 28), rs.getString(29),
                                Direction.valueOf(rs.getString(30)), CheckinRules.Result.valueOf(result)));
                    }
                } while (rs.next());
            }
        }

        CheckinRules.Outcome outcome = CheckinRules.decide(new CheckinRules.Facts(
                facts(p.verification(), badge),
                new CheckinRules.Place(gateName, gateKind, gateZones, gateCategories, who.categories()),
                policy, p.scannedAt(), zone, p.direction(), badge == null ? List.of() : previous));
        Direction direction = CheckinRules.directionOf(p.direction(), gateKind);
        CheckinRules.Result serverResult = outcome.result();
        boolean unconfirmed = p.offline() && p.offlineResult() == CheckinRules.Result.ALREADY_ADMITTED
                && serverResult == CheckinRules.Result.ADMITTED;
        if (unconfirmed) {
            // The tablet turned the holder away for an earlier admission the server has not received yet,
            // typically a lane of the same gate still offline (ADR 0014). The scan records what happened at
            // the gate (were it counted as an admission, the earlier one would count twice once uploaded); the
            // conflict below stays for staff until that earlier admission arrives.
            outcome = new CheckinRules.Outcome(CheckinRules.Result.ALREADY_ADMITTED, null, null, null);
        }

        Checkins.BadgeInfo info = badge == null ? null : new Checkins.BadgeInfo(badge.id(), badge.holder(),
                badge.organization(), badge.category(), badge.categoryLabel(), badge.colour());
        Ended answered = Ended.answered(new Checkins.Answer(p.scanId(), outcome.result(), outcome.reason(), info,
                outcome.earlierAt(), outcome.earlierGate(), true, zone));
        boolean summarized = badge != null && admission != null;
        boolean conflict = p.offlineResult() != null && (unconfirmed || p.offlineResult() != outcome.result());
        boolean settles = p.offline() && badge != null && outcome.result() == CheckinRules.Result.ADMITTED;
        if (!conflict && !settles) {
            // every online scan: the second and last round trip
            try (PreparedStatement write = c.prepareStatement(summarized ? INSERT_SUMMARIZE_COMMIT : INSERT_COMMIT)) {
                int next = bindScan(write, 1, who, p, badge, gateId, gateName, direction, outcome, now);
                if (summarized) {
                    bindSummary(write, next, badge.id(), admission, outcome.result(), p.scannedAt(), gateName, now);
                }
                executeAll(write);
            }
            return answered;
        }

        long scanRowId;
        try (PreparedStatement insert = conflict ? c.prepareStatement(INSERT_SCAN, Statement.RETURN_GENERATED_KEYS)
                : c.prepareStatement(INSERT_SCAN)) {
            bindScan(insert, 1, who, p, badge, gateId, gateName, direction, outcome, now);
            insert.executeUpdate();
            scanRowId = conflict ? generatedId(insert) : 0;
        }

        if (summarized) {
            try (PreparedStatement update = c.prepareStatement(SUMMARIZE)) {
                bindSummary(update, 1, badge.id(), admission, outcome.result(), p.scannedAt(), gateName, now);
                update.executeUpdate();
            }
        }
        if (settles) {
            settleUnconfirmed(c, badge.id(), p.scannedAt(), zone);
        }
        if (conflict) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_CONFLICT)) {
                insert.setLong(1, p.exhibitionId());
                insert.setLong(2, scanRowId);
                setLong(insert, 3, badge == null ? null : badge.id());
                insert.setString(4, p.offlineResult().name());
                insert.setString(5, serverResult.name());
                insert.setString(6, outcome.reason() == null ? null : outcome.reason().name());
                setInstant(insert, 7, outcome.earlierAt());
                insert.setString(8, outcome.earlierGate());
                setInstant(insert, 9, now);
                insert.executeUpdate();
            }
        }
        try (Statement commit = c.createStatement()) {
            commit.execute("commit");
        }
        return answered;
    }

    /** The parameters of one row of {@link #SCAN_COLUMNS}, from {@code from} on; answers the index after them. */
    static int bindScan(PreparedStatement insert, int from, Scanner who, Prepared p, BadgeRow badge, long gateId,
                        String gateName, Direction direction, CheckinRules.Outcome outcome, Instant now)
            throws SQLException {
        int i = from;
        insert.setString(i++, who.scannedBy());
        insert.setString(i++, p.scanId());
        insert.setLong(i++, p.exhibitionId());
        setLong(insert, i++, badge == null ? null : badge.id());
        insert.setString(i++, badge == null ? null : badge.category());
        insert.setLong(i++, gateId);
        insert.setString(i++, gateName);
        insert.setString(i++, direction.name());
        setInstant(insert, i++, p.scannedAt());
        setInstant(insert, i++, now);
        insert.setString(i++, outcome.result().name());
        insert.setString(i++, outcome.reason() == null ? null : outcome.reason().name());
        setLong(insert, i++, who.deviceId());
        setLong(insert, i++, who.userId());
        insert.setBoolean(i++, p.offline());
        setInstant(insert, i++, outcome.earlierAt());
        insert.setString(i++, outcome.earlierGate());
        return i;
    }

    /** The context query's result, after the update counts of the statements sent before it. */
    private static ResultSet resultOf(PreparedStatement begin) throws SQLException {
        boolean isResult = begin.execute();
        while (!isResult) {
            if (begin.getUpdateCount() == -1) {
                throw new SQLException("The scan's context query answered no rows");
            }
            isResult = begin.getMoreResults();
        }
        return begin.getResultSet();
    }

    /** Runs every statement of a multi-statement, so that an error in any of them is thrown here. */
    static void executeAll(PreparedStatement statements) throws SQLException {
        statements.execute();
        while (statements.getMoreResults() || statements.getUpdateCount() != -1) {
            // the next statement's result
        }
    }

    /**
     * An uploaded admission explains the unconfirmed refusals of the same badge later that day (see
     * {@link #decide}): the tablet that refused knew of it; those conflicts are settled.
     */
    private static void settleUnconfirmed(Connection c, long badgeId, Instant admittedAt, ZoneId zone)
            throws SQLException {
        Instant dayEnds = admittedAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        try (PreparedStatement delete = c.prepareStatement(SETTLE_UNCONFIRMED)) {
            delete.setLong(1, badgeId);
            setInstant(delete, 2, admittedAt);
            setInstant(delete, 3, dayEnds);
            delete.executeUpdate();
        }
    }

    /** The parameters of {@link #SUMMARIZE}, from {@code from} on: counts, first and last admission, last exit. */
    private static void bindSummary(PreparedStatement update, int from, long badgeId, AdmissionRow before,
                                    CheckinRules.Result result, Instant scannedAt, String gateName, Instant now)
            throws SQLException {
        AdmissionRow after = before.after(result, scannedAt, gateName);
        update.setInt(from, after.admissions());
        setInstant(update, from + 1, after.firstAdmittedAt());
        setInstant(update, from + 2, after.lastAdmittedAt());
        update.setString(from + 3, after.lastAdmittedGate());
        setInstant(update, from + 4, after.lastExitedAt());
        setInstant(update, from + 5, now);
        update.setLong(from + 6, badgeId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CheckinScan> recorded(String scannedBy, String scanId) {
        return CheckinScan.find("scannedBy = ?1 and scanId = ?2", scannedBy, scanId).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Checkins.Answer answerOf(CheckinScan scan) {
        Badge badge = scan.badgeId == null ? null : em.find(Badge.class, scan.badgeId);
        Checkins.BadgeInfo info = badge == null ? null : new Checkins.BadgeInfo(badge.id, badge.holderName,
                badge.organizationName, badge.categoryCode, badge.categoryLabel, badge.categoryColour);
        return new Checkins.Answer(scan.scanId, scan.result, scan.reason, info, scan.earlierAt, scan.earlierGate, true,
                zoneOf(scan.exhibitionId));
    }

    /** Only the edition's zone: the edition itself is an audited entity, whose loading costs more. */
    private ZoneId zoneOf(long exhibitionId) {
        return ZoneId.of(em.createQuery("select e.timezone from Exhibition e where e.id = :id", String.class)
                .setParameter("id", exhibitionId).getSingleResult());
    }

    /** The facts of a code that named no edition: only its signature matters. */
    static CheckinRules.Facts unreadable(Verification verification) {
        return new CheckinRules.Facts(facts(verification, null), null, null, null, null, null, List.of());
    }

    static CheckinRules.Badge facts(Verification v, BadgeRow badge) {
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
        CheckinRules.BadgeState state = switch (badge.state()) {
            case VALID -> CheckinRules.BadgeState.ACTIVE;
            case REVOKED -> CheckinRules.BadgeState.REVOKED;
            case SUPERSEDED -> CheckinRules.BadgeState.SUPERSEDED;
        };
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate d = badge.firstDay(); !d.isAfter(badge.lastDay()); d = d.plusDays(1)) {
            days.add(d);
        }
        Set<String> zones = badge.zones() == null || badge.zones().isEmpty() ? Set.of()
                : Set.copyOf(Arrays.asList(badge.zones().split(",")));
        // Buyer verification lives in registration, which check-in does not read; until registration
        // tells badges, no category requires it here (docs/checkin.md).
        return new CheckinRules.Badge(signature, state, badge.category(), days, zones, false, true);
    }

    private static final CodeSetConverter CODES = new CodeSetConverter();

    static Set<String> codes(String column) {
        return CODES.convertToEntityAttribute(column);
    }

    static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP);
        } else {
            s.setObject(index, LocalDateTime.ofInstant(asStored(value), ZoneOffset.UTC));
        }
    }

    /**
     * The instant as the DATETIME(6) columns keep it: cut to the microsecond here, so that neither the driver
     * nor the server rounds it (their rounding depends on their settings), and a batch that remembers a scan's
     * time for the next scan of the badge remembers what a lone scan will read back (ADR 0021).
     */
    static Instant asStored(Instant value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
