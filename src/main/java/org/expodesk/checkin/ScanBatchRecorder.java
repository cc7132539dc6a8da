package org.expodesk.checkin;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.badge.BadgeState;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.expodesk.platform.db.UtcColumns.instant;
import static org.expodesk.checkin.ScanRecorder.setInstant;
import static org.expodesk.checkin.ScanRecorder.setLong;

/**
 * Decides online scans that arrived together in ONE transaction
 * (docs/adr/0021-online-scans-decided-together.md): the admission rows of all their badges locked
 * first, in one statement and in badge-id order; everything the decisions need read after the lock,
 * in one round trip with it; each scan decided in arrival order with {@link CheckinRules#decide}, a
 * badge scanned twice seeing its first scan's outcome; then all scan rows inserted, the summaries
 * written and the transaction committed in a second round trip. The same statements as
 * {@link ScanRecorder}'s for one scan, with many rows each, so MariaDB's cost per statement and per
 * commit is shared by the batch.
 *
 * <p>An online scan's code comes here parsed, not verified ({@code Prepared.unproven}): it is genuine
 * when it is the code its badge was issued with, which the batch reads with the badge.
 *
 * <p>Everything rare stays on {@link ScanRecorder#record}: a scan recorded before, at a gate unknown,
 * from a device signed out or changed since its token was cached, with a code other than its badge's
 * issued one, is answered
 * {@link Optional#empty()} here ("record it alone"), and so is every scan of a batch whose SQL
 * failed, after the rollback, so that one bad scan never fails the others.
 *
 * <p>SQL is built here only by repeating constant placeholder groups as many times as the batch has
 * rows; every value is bound.
 */
@ApplicationScoped
public class ScanBatchRecorder {

    private static final Logger LOG = Logger.getLogger(ScanBatchRecorder.class);

    /** A scan waiting for its batch. */
    record Queued(Scanner who, ScanRecorder.Prepared prepared) {
    }

    private static final String LOCK = "insert ignore into checkin_admission (badge_id, exhibition_id, admissions, "
            + "updated_at) values %s on duplicate key update badge_id = badge_id";
    private static final String LOCK_ROW = "(?, ?, 0, ?)";

    /** One branch per distinct gate asked for: the edition's zone and the gate as the lone scan's query finds it. */
    private static final String GATE = "select ?, e.timezone, g.id, g.name, g.kind, g.zones, g.categories "
            + "from exhibition e left join checkin_gate g on g.exhibition_id = e.id and (g.id = ? or g.name = ?) "
            + "where e.id = ?";

    /** One branch per distinct device and token: its settings now and whether its credential holds. */
    private static final String DEVICE = "select ?, d.gate_id, d.categories, "
            + "d.revoked_at is null and cr.revoked_at is null and cr.expires_at > ? "
            + "from scanner_device d left join auth_credential cr on cr.id = ? and cr.scanner_device_id = d.id "
            + "where d.id = ?";

    private static final String BADGES = "select b.id, b.exhibition_id, b.code, b.state, b.first_day, b.last_day, b.zones, "
            + "b.category_code, b.holder_name, b.organization_name, b.category_label, b.category_colour, p.policy, "
            + "a.badge_id, a.admissions, a.first_admitted_at, a.last_admitted_at, a.last_admitted_gate, "
            + "a.last_exited_at from badge b "
            + "left join checkin_entry_policy p on p.exhibition_id = b.exhibition_id and p.category = b.category_code "
            + "left join checkin_admission a on a.badge_id = b.id where b.id in (%s)";

    /** The only earlier scans the rules count, as the lone scan's query orders them. */
    private static final String PREVIOUS = "select s.badge_id, s.scanned_at, s.gate_name, s.direction, s.result "
            + "from checkin_scan s where s.badge_id in (%s) and (s.result = 'ADMITTED' or s.result = 'EXITED') "
            + "order by s.badge_id, s.scanned_at, s.id";

    /** One branch per scan: the ones this scanner recorded before (the database compares the ids, in its collation). */
    private static final String RECORDED = "select ? from checkin_scan r where r.scanned_by = ? and r.scan_id = ?";

    private static final String INSERT_SCANS = "insert into checkin_scan (" + ScanRecorder.SCAN_COLUMNS + ") values %s";

    private static final String SUMMARIZE = "insert into checkin_admission (badge_id, exhibition_id, admissions, "
            + "first_admitted_at, last_admitted_at, last_admitted_gate, last_exited_at, updated_at) values %s "
            + "on duplicate key update admissions = values(admissions), first_admitted_at = values(first_admitted_at), "
            + "last_admitted_at = values(last_admitted_at), last_admitted_gate = values(last_admitted_gate), "
            + "last_exited_at = values(last_exited_at), updated_at = values(updated_at)";
    private static final String SUMMARY_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * The lock makes a badge's admission row with the edition the scan's code names, before anything shows
     * whether the code is genuine: a forged code naming another edition's badge would leave that row filed
     * under the wrong edition (and its admissions counted there). One statement per such badge, rare.
     */
    private static final String REFILE = "update checkin_admission set exhibition_id = ? where badge_id = ?";

    private record GateKey(long exhibitionId, Long gateId, String gateName) {
    }

    private record GateRow(ZoneId zone, Long id, String name, GateKind kind, Set<String> zones,
                           Set<String> categories) {
    }

    private record DeviceKey(long deviceId, long credentialId) {
    }

    private record DeviceRow(Long gateId, Set<String> categories, boolean valid) {
    }

    private record ClientKey(String scannedBy, String scanId) {
    }

    /**
     * The badge's row, the edition it belongs to (a lone scan joins the policy on the scan's edition) and the
     * code it was issued with.
     */
    private record EditionBadge(ScanRecorder.BadgeRow badge, long exhibitionId, String code) {

        /**
         * Whether the scanned code is the one this badge was issued with: then it carries the signature made at
         * issue, by a key of the edition (keys retire but are never removed), so it is genuine without checking
         * the signature again. Any other code is checked by its signature, alone.
         */
        boolean issuedAs(String scanned) {
            return code != null && MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                    scanned.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A badge's state as the batch goes: what the next scan of it in this batch sees. */
    private static final class BadgeSoFar {
        final EditionBadge row;
        final EntryPolicy policy;
        ScanRecorder.AdmissionRow admission;
        boolean summaryChanged;
        final List<CheckinRules.PreviousScan> previous = new ArrayList<>();

        BadgeSoFar(EditionBadge row, EntryPolicy policy, ScanRecorder.AdmissionRow admission) {
            this.row = row;
            this.policy = policy;
            this.admission = admission;
        }
    }

    /** A decided scan's row to insert. */
    private record Decided(Queued scan, ScanRecorder.BadgeRow badge, long gateId, String gateName, Direction direction,
                           CheckinRules.Outcome outcome) {
    }

    @Inject
    @io.quarkus.agroal.DataSource("scans")
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /**
     * The scans' answers in their order; {@link Optional#empty()} for each scan to record alone with
     * {@link ScanRecorder#record}: every one of them when the batch's SQL failed (rolled back).
     */
    public List<Optional<Checkins.Answer>> record(List<Queued> scans) {
        try (Connection c = dataSource.getConnection()) {
            boolean ended = false;
            try {
                List<Optional<Checkins.Answer>> answers = decide(c, scans);
                ended = true;
                return answers;
            } finally {
                if (!ended) {
                    ScanRecorder.rollback(c);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // a deadlock, a scan id sent twice in two spellings the collation holds equal, a value the columns refuse
            LOG.debugf("A batch of %d online scans was rolled back, each is recorded alone: %s", scans.size(),
                    e.getMessage());
            return alone(scans.size());
        }
    }

    private static List<Optional<Checkins.Answer>> alone(int n) {
        List<Optional<Checkins.Answer>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(Optional.empty());
        }
        return all;
    }

    private List<Optional<Checkins.Answer>> decide(Connection c, List<Queued> scans) throws SQLException {
        Instant now = clock.instant();
        Map<GateKey, Integer> gateKeys = new LinkedHashMap<>();
        Map<DeviceKey, Integer> deviceKeys = new LinkedHashMap<>();
        TreeMap<Long, Long> badgeEditions = new TreeMap<>();
        for (Queued q : scans) {
            ScanRecorder.Prepared p = q.prepared();
            gateKeys.putIfAbsent(gateKey(p), gateKeys.size());
            if (q.who().isDevice()) {
                deviceKeys.putIfAbsent(new DeviceKey(q.who().deviceId(), q.who().credentialId()), deviceKeys.size());
            }
            if (p.badgeId() != null) {
                badgeEditions.putIfAbsent(p.badgeId(), p.exhibitionId());
            }
        }

        StringBuilder sql = new StringBuilder("start transaction;");
        if (!badgeEditions.isEmpty()) {
            sql.append(LOCK.formatted(repeat(LOCK_ROW, badgeEditions.size(), ", "))).append(';');
        }
        sql.append(repeat(GATE, gateKeys.size(), " union all ")).append(';');
        if (!deviceKeys.isEmpty()) {
            sql.append(repeat(DEVICE, deviceKeys.size(), " union all ")).append(';');
        }
        if (!badgeEditions.isEmpty()) {
            String ids = repeat("?", badgeEditions.size(), ", ");
            sql.append(BADGES.formatted(ids)).append(';').append(PREVIOUS.formatted(ids)).append(';');
        }
        sql.append(repeat(RECORDED, scans.size(), " union all "));

        Map<Integer, GateRow> gates = new HashMap<>();
        Map<Integer, DeviceRow> devices = new HashMap<>();
        Map<Long, BadgeSoFar> badges = new HashMap<>();
        Set<Integer> recordedBefore = new HashSet<>();
        try (PreparedStatement read = c.prepareStatement(sql.toString())) {
            int i = 0;
            for (Map.Entry<Long, Long> badge : badgeEditions.entrySet()) {
                read.setLong(++i, badge.getKey());
                read.setLong(++i, badge.getValue());
                setInstant(read, ++i, now);
            }
            for (Map.Entry<GateKey, Integer> gate : gateKeys.entrySet()) {
                read.setInt(++i, gate.getValue());
                setLong(read, ++i, gate.getKey().gateId());
                read.setString(++i, gate.getKey().gateName());
                read.setLong(++i, gate.getKey().exhibitionId());
            }
            for (Map.Entry<DeviceKey, Integer> device : deviceKeys.entrySet()) {
                read.setInt(++i, device.getValue());
                setInstant(read, ++i, now);
                read.setLong(++i, device.getKey().credentialId());
                read.setLong(++i, device.getKey().deviceId());
            }
            if (!badgeEditions.isEmpty()) {
                for (int round = 0; round < 2; round++) {
                    for (Long id : badgeEditions.keySet()) {
                        read.setLong(++i, id);
                    }
                }
            }
            for (int n = 0; n < scans.size(); n++) {
                read.setInt(++i, n);
                read.setString(++i, scans.get(n).who().scannedBy());
                read.setString(++i, scans.get(n).prepared().scanId());
            }

            boolean isResult = read.execute();
            int results = 0;
            while (true) {
                if (isResult) {
                    readResult(read.getResultSet(), results++, !deviceKeys.isEmpty(), !badgeEditions.isEmpty(),
                            gates, devices, badges, recordedBefore);
                } else if (read.getUpdateCount() == -1) {
                    break;
                }
                isResult = read.getMoreResults();
            }
        }

        List<Optional<Checkins.Answer>> answers = new ArrayList<>(scans.size());
        Map<ClientKey, Integer> firstOfClient = new HashMap<>();
        List<Decided> rows = new ArrayList<>();
        for (int n = 0; n < scans.size(); n++) {
            Queued q = scans.get(n);
            Scanner who = q.who();
            ScanRecorder.Prepared p = q.prepared();
            Integer first = firstOfClient.putIfAbsent(new ClientKey(who.scannedBy(), p.scanId()), n);
            if (first != null) {
                // the same scan sent twice in one batch: recorded once, both answered alike
                answers.add(answers.get(first));
                continue;
            }
            GateRow gate = gates.get(gateKeys.get(gateKey(p)));
            BadgeSoFar badge = p.badgeId() == null ? null : badges.get(p.badgeId());
            if (recordedBefore.contains(n) || gate == null || gate.id() == null || !deviceAsCached(who, devices,
                    deviceKeys) || badge != null && (badge.row.exhibitionId() != p.exhibitionId() || badge.admission == null)
                    || p.unproven() != null && (badge == null || !badge.row.issuedAs(p.unproven()))) {
                answers.add(Optional.empty());
                continue;
            }
            CheckinRules.Outcome outcome = CheckinRules.decide(new CheckinRules.Facts(
                    ScanRecorder.facts(p.verification(), badge == null ? null : badge.row.badge()),
                    new CheckinRules.Place(gate.name(), gate.kind(), gate.zones(), gate.categories(), who.categories()),
                    badge == null ? null : badge.policy, p.scannedAt(), gate.zone(), p.direction(),
                    badge == null ? List.of() : List.copyOf(badge.previous)));
            Direction direction = CheckinRules.directionOf(p.direction(), gate.kind());
            if (badge != null) {
                // what the next scan of the badge sees is the time as stored, as a lone scan reads it back
                Instant stored = ScanRecorder.asStored(p.scannedAt());
                if (badge.admission != null) {
                    badge.admission = badge.admission.after(outcome.result(), stored, gate.name());
                    badge.summaryChanged = true;
                }
                if (outcome.result() == CheckinRules.Result.ADMITTED || outcome.result() == CheckinRules.Result.EXITED) {
                    addInOrder(badge.previous, new CheckinRules.PreviousScan(stored, gate.name(), direction,
                            outcome.result()));
                }
            }
            ScanRecorder.BadgeRow row = badge == null ? null : badge.row.badge();
            Checkins.BadgeInfo info = row == null ? null : new Checkins.BadgeInfo(row.id(), row.holder(),
                    row.organization(), row.category(), row.categoryLabel(), row.colour());
            answers.add(Optional.of(new Checkins.Answer(p.scanId(), outcome.result(), outcome.reason(), info,
                    outcome.earlierAt(), outcome.earlierGate(), true, gate.zone())));
            rows.add(new Decided(q, row, gate.id(), gate.name(), direction, outcome));
        }

        if (rows.isEmpty()) {
            ScanRecorder.rollback(c);
            return answers;
        }
        List<BadgeSoFar> summaries = badges.values().stream().filter(b -> b.summaryChanged).toList();
        List<BadgeSoFar> misfiled = badges.values().stream()
                .filter(b -> b.row.exhibitionId() != badgeEditions.get(b.row.badge().id())).toList();
        StringBuilder write = new StringBuilder(INSERT_SCANS.formatted(
                repeat(ScanRecorder.SCAN_VALUES, rows.size(), ", "))).append(';');
        if (!summaries.isEmpty()) {
            write.append(SUMMARIZE.formatted(repeat(SUMMARY_ROW, summaries.size(), ", "))).append(';');
        }
        write.append(repeat(REFILE + ";", misfiled.size(), ""));
        write.append("commit");
        try (PreparedStatement statements = c.prepareStatement(write.toString())) {
            int i = 1;
            for (Decided d : rows) {
                i = ScanRecorder.bindScan(statements, i, d.scan().who(), d.scan().prepared(), d.badge(), d.gateId(),
                        d.gateName(), d.direction(), d.outcome(), now);
            }
            for (BadgeSoFar b : summaries) {
                statements.setLong(i++, b.row.badge().id());
                statements.setLong(i++, b.row.exhibitionId());
                statements.setInt(i++, b.admission.admissions());
                setInstant(statements, i++, b.admission.firstAdmittedAt());
                setInstant(statements, i++, b.admission.lastAdmittedAt());
                statements.setString(i++, b.admission.lastAdmittedGate());
                setInstant(statements, i++, b.admission.lastExitedAt());
                setInstant(statements, i++, now);
            }
            for (BadgeSoFar b : misfiled) {
                statements.setLong(i++, b.row.exhibitionId());
                statements.setLong(i++, b.row.badge().id());
            }
            ScanRecorder.executeAll(statements);
        }
        return answers;
    }

    private static GateKey gateKey(ScanRecorder.Prepared p) {
        return new GateKey(p.exhibitionId(), p.gateId(),
                p.gateId() != null || p.gateName() == null ? null : p.gateName().trim());
    }

    /** A staff user, or a device whose credential holds and whose row still says what its cached token says. */
    private static boolean deviceAsCached(Scanner who, Map<Integer, DeviceRow> devices,
                                          Map<DeviceKey, Integer> deviceKeys) {
        if (!who.isDevice()) {
            return true;
        }
        DeviceRow row = devices.get(deviceKeys.get(new DeviceKey(who.deviceId(), who.credentialId())));
        return row != null && row.valid() && Objects.equals(row.gateId(), who.gateId())
                && row.categories().equals(who.categories());
    }

    /** After the earlier scans at the same instant, as the lone scan's query orders them (by time, then id). */
    private static void addInOrder(List<CheckinRules.PreviousScan> previous, CheckinRules.PreviousScan scan) {
        int at = previous.size();
        while (at > 0 && previous.get(at - 1).at().isAfter(scan.at())) {
            at--;
        }
        previous.add(at, scan);
    }

    /** Reads the {@code index}th result of the first round trip, whichever statements it held. */
    private static void readResult(ResultSet rs, int index, boolean withDevices, boolean withBadges,
                                   Map<Integer, GateRow> gates, Map<Integer, DeviceRow> devices,
                                   Map<Long, BadgeSoFar> badges, Set<Integer> recordedBefore) throws SQLException {
        int kind = index;
        if (!withDevices && kind >= 1) {
            kind++;
        }
        if (!withBadges && kind >= 2) {
            kind += 2;
        }
        try (rs) {
            while (rs.next()) {
                switch (kind) {
                    case 0 -> {
                        int key = rs.getInt(1);
                        if (!gates.containsKey(key)) {
                            Long id = rs.getObject(3, Long.class);
                            gates.put(key, id == null ? new GateRow(ZoneId.of(rs.getString(2)), null, null, null, null,
                                    null) : new GateRow(ZoneId.of(rs.getString(2)), id, rs.getString(4),
                                    GateKind.valueOf(rs.getString(5)), ScanRecorder.codes(rs.getString(6)),
                                    ScanRecorder.codes(rs.getString(7))));
                        }
                    }
                    case 1 -> {
                        boolean valid = rs.getBoolean(4) && !rs.wasNull();
                        devices.put(rs.getInt(1), new DeviceRow(rs.getObject(2, Long.class),
                                Set.copyOf(ScanRecorder.codes(rs.getString(3))), valid));
                    }
                    case 2 -> {
                        ScanRecorder.BadgeRow row = new ScanRecorder.BadgeRow(rs.getLong(1),
                                BadgeState.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11), rs.getString(12));
                        String named = rs.getString(13);
                        rs.getLong(14);
                        ScanRecorder.AdmissionRow admission = rs.wasNull() ? null : new ScanRecorder.AdmissionRow(
                                rs.getInt(15), instant(rs, 16), instant(rs, 17), rs.getString(18), instant(rs, 19));
                        badges.put(row.id(), new BadgeSoFar(new EditionBadge(row, rs.getLong(2), rs.getString(3)),
                                named == null ? EntryPolicy.DEFAULT : EntryPolicy.valueOf(named), admission));
                    }
                    case 3 -> {
                        BadgeSoFar badge = badges.get(rs.getLong(1));
                        if (badge != null) {
                            badge.previous.add(new CheckinRules.PreviousScan(instant(rs, 2), rs.getString(3),
                                    Direction.valueOf(rs.getString(4)), CheckinRules.Result.valueOf(rs.getString(5))));
                        }
                    }
                    default -> recordedBefore.add(rs.getInt(1));
                }
            }
        }
    }

    private static String repeat(String part, int times, String separator) {
        StringBuilder s = new StringBuilder(part.length() * times + separator.length() * times);
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                s.append(separator);
            }
            s.append(part);
        }
        return s.toString();
    }
}
