package org.expodesk.checkin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.account.AuthCredential;
import org.expodesk.account.ScannerDevice;
import org.expodesk.badge.BadgeCodes;
import org.expodesk.badge.Badges;
import org.expodesk.badge.TestBadges;
import org.expodesk.badge.Verification;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch decides as the lone path does (docs/adr/0021-online-scans-decided-together.md): both feed
 * {@link CheckinRules#decide} with facts each gathers with its own SQL, so every rule is tried here on two
 * twin badges, one decided in a batch and the other alone, at the same instants, and their answers,
 * recorded scans and admission summaries must be the same.
 */
@QuarkusTest
class ScanBatchRulesTest {

    private static final ZoneId EDITION_ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    ScanBatchRecorder batches;

    @Inject
    ScanRecorder recorder;

    @Inject
    Badges badges;

    @BeforeEach
    void awayFromMidnight() {
        TestCheckins.awayFromMidnight();
    }

    /** Two badges alike in all but their id and holder person: one for each path. */
    private record Twins(Badges.Issued batched, Badges.Issued alone) {
    }

    /** One scan as both paths get it. */
    private record Scan(Scanner who, long exhibitionId, String gate, Instant at, Direction direction) {
    }

    // ---- equivalence over the rules: one decided in a batch, its twin alone ----

    @Test
    void aRevokedBadgeIsRejectedAlikeAndMayStillLeave() {
        long exhibition = TestExhibitions.june2027();
        String out = unique("Out");
        TestCheckins.gate(exhibition, out, "EXIT");
        Twins twins = twins(exhibition, "Revoked Twin");
        badges.revoke(twins.batched().badge().id, "lost", "test");
        badges.revoke(twins.alone().badge().id, "lost", "test");
        Instant at = now();

        Checkins.Answer in = sameBothWays(twins, staffAt(exhibition, "main", at));
        assertThat(in.reason()).isEqualTo(CheckinRules.Reason.REVOKED);
        assertThat(in.badge().holder()).isEqualTo("Revoked Twin");
        assertThat(sameBothWays(twins, new Scan(staff(), exhibition, out, at.plusSeconds(1), Direction.OUT))
                .result()).isEqualTo(CheckinRules.Result.EXITED);
        assertSameRecords(twins);
    }

    @Test
    void aSupersededBadgeIsRejectedAlikeAndItsReissueAdmittedAlike() {
        long exhibition = TestExhibitions.june2027();
        Twins old = twins(exhibition, "Reissued Twin");
        Twins reissued = new Twins(badges.reissue(old.batched().badge().id, Badges.Changes.lost("lost"), "test"),
                badges.reissue(old.alone().badge().id, Badges.Changes.lost("lost"), "test"));
        Instant at = now();

        assertThat(sameBothWays(old, staffAt(exhibition, "main", at)).reason())
                .isEqualTo(CheckinRules.Reason.SUPERSEDED);
        assertThat(sameBothWays(reissued, staffAt(exhibition, "main", at.plusSeconds(1))).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        assertSameRecords(old);
        assertSameRecords(reissued);
    }

    @Test
    void theDayIsTheEditionsDayNotUtcs() {
        long exhibition = TestExhibitions.june2027();
        LocalDate day = LocalDate.now(EDITION_ZONE).plusDays(3);
        Twins twins = twins(exhibition, "One Day Twin", "PROFESSIONAL", List.of(), day, day);
        // the previous evening in UTC, the day's first half hour in Shanghai: valid
        Instant earlyInShanghai = day.atTime(0, 30).atZone(EDITION_ZONE).toInstant();
        // the day in UTC, but already the next one in Shanghai: not valid
        Instant nextDayInShanghai = day.plusDays(1).atTime(0, 30).atZone(EDITION_ZONE).toInstant();
        Instant dayBefore = day.minusDays(1).atTime(23, 50).atZone(EDITION_ZONE).toInstant();

        assertThat(sameBothWays(twins, staffAt(exhibition, "main", dayBefore)).reason())
                .isEqualTo(CheckinRules.Reason.WRONG_DAY);
        assertThat(sameBothWays(twins, staffAt(exhibition, "main", earlyInShanghai)).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(sameBothWays(twins, staffAt(exhibition, "main", nextDayInShanghai)).reason())
                .isEqualTo(CheckinRules.Reason.WRONG_DAY);
        assertSameRecords(twins);
    }

    @Test
    void aGateForOtherCategoriesRejectsAlike() {
        long exhibition = TestExhibitions.june2027();
        String pressOnly = unique("Press gate");
        gate(exhibition, pressOnly, "ENTRY", List.of(), List.of("PRESS"));
        Twins professional = twins(exhibition, "Not Press Twin");
        Twins press = twins(exhibition, "Press Twin", "PRESS", List.of(), today().minusDays(1), today().plusDays(1));
        Instant at = now();

        assertThat(sameBothWays(professional, staffAt(exhibition, pressOnly, at)).reason())
                .isEqualTo(CheckinRules.Reason.WRONG_ZONE);
        assertThat(sameBothWays(press, staffAt(exhibition, pressOnly, at)).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        assertSameRecords(professional);
        assertSameRecords(press);
    }

    @Test
    void aDeviceForOtherCategoriesRejectsAlike() {
        long exhibition = TestExhibitions.june2027();
        // twin devices: one scans in a batch, the other alone
        Scanner batchedDevice = device(deviceToken(exhibition, "main", List.of("PRESS")));
        Scanner loneDevice = device(deviceToken(exhibition, "main", List.of("PRESS")));
        Twins professional = twins(exhibition, "Device Refused Twin");
        Twins press = twins(exhibition, "Device Press Twin", "PRESS", List.of(), today().minusDays(1),
                today().plusDays(1));
        Instant at = now();

        assertThat(sameBothWays(professional, new Scan(batchedDevice, exhibition, null, at, null),
                new Scan(loneDevice, exhibition, null, at, null)).reason()).isEqualTo(CheckinRules.Reason.WRONG_ZONE);
        assertThat(sameBothWays(press, new Scan(batchedDevice, exhibition, null, at, null),
                new Scan(loneDevice, exhibition, null, at, null)).result()).isEqualTo(CheckinRules.Result.ADMITTED);
        assertSameRecords(professional);
        assertSameRecords(press);
    }

    @Test
    void badgeZonesMeetGateZonesAlike() {
        long exhibition = TestExhibitions.june2027();
        String hall1 = unique("Hall one");
        String hall2 = unique("Hall two");
        gate(exhibition, hall1, "ENTRY", List.of("HALL1"), List.of());
        gate(exhibition, hall2, "ENTRY", List.of("HALL2", "HALL3"), List.of());
        Twins hall1Only = twins(exhibition, "Hall One Twin", "PROFESSIONAL", List.of("HALL1"), today().minusDays(1),
                today().plusDays(1));
        Twins anywhere = twins(exhibition, "Anywhere Twin");
        Instant at = now();

        assertThat(sameBothWays(hall1Only, staffAt(exhibition, hall2, at)).reason())
                .isEqualTo(CheckinRules.Reason.WRONG_ZONE);
        assertThat(sameBothWays(hall1Only, staffAt(exhibition, hall1, at.plusSeconds(1))).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(sameBothWays(anywhere, staffAt(exhibition, hall2, at)).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        assertSameRecords(hall1Only);
        assertSameRecords(anywhere);
    }

    @Test
    void directionsAtExitAndEntryGatesAlike() {
        long exhibition = TestExhibitions.june2027();
        String out = unique("Out");
        TestCheckins.gate(exhibition, out, "EXIT");
        String in = unique("In");
        TestCheckins.gate(exhibition, in, "ENTRY");
        Twins twins = twins(exhibition, "Direction Twin");
        Instant at = now().minusSeconds(60);

        assertThat(sameBothWays(twins, new Scan(staff(), exhibition, out, at, Direction.IN)).reason())
                .isEqualTo(CheckinRules.Reason.WRONG_DIRECTION);
        assertThat(sameBothWays(twins, new Scan(staff(), exhibition, in, at.plusSeconds(1), Direction.OUT))
                .reason()).isEqualTo(CheckinRules.Reason.WRONG_DIRECTION);
        assertThat(sameBothWays(twins, staffAt(exhibition, out, at.plusSeconds(2))).result())
                .isEqualTo(CheckinRules.Result.EXITED);
        assertThat(sameBothWays(twins, new Scan(staff(), exhibition, out, at.plusSeconds(3), Direction.OUT))
                .result()).isEqualTo(CheckinRules.Result.EXITED);
        assertThat(sameBothWays(twins, staffAt(exhibition, in, at.plusSeconds(4))).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        // main opens both ways: OUT there is an exit
        assertThat(sameBothWays(twins, new Scan(staff(), exhibition, "main", at.plusSeconds(5), Direction.OUT))
                .result()).isEqualTo(CheckinRules.Result.EXITED);
        assertSameRecords(twins);
    }

    @Test
    void singleEntryAfterAnAdmissionAndAfterAnExitAlike() {
        assertPolicyAfterAdmissionAndExit(EntryPolicy.SINGLE_ENTRY, CheckinRules.Result.ALREADY_ADMITTED,
                CheckinRules.Result.ALREADY_ADMITTED);
    }

    @Test
    void oncePerDayAfterAnAdmissionAndAfterAnExitAlike() {
        assertPolicyAfterAdmissionAndExit(EntryPolicy.ONCE_PER_DAY, CheckinRules.Result.ALREADY_ADMITTED,
                CheckinRules.Result.ALREADY_ADMITTED);
    }

    @Test
    void freeReentryAfterAnAdmissionAndAfterAnExitAlike() {
        assertPolicyAfterAdmissionAndExit(EntryPolicy.FREE_REENTRY, CheckinRules.Result.ALREADY_ADMITTED,
                CheckinRules.Result.ADMITTED);
    }

    @Test
    void oncePerDayAdmitsAgainTheNextDayAlike() {
        long exhibition = TestExhibitions.june2027();
        String category = policy(exhibition, EntryPolicy.ONCE_PER_DAY);
        Twins twins = twins(exhibition, "Next Day Twin", category, List.of(), today().minusDays(1),
                today().plusDays(1));
        Instant yesterday = today().minusDays(1).atTime(10, 0).atZone(EDITION_ZONE).toInstant();
        Instant today = today().atTime(0, 10).atZone(EDITION_ZONE).toInstant();

        assertThat(sameBothWays(twins, staffAt(exhibition, "main", yesterday)).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(sameBothWays(twins, staffAt(exhibition, "main", today)).result())
                .isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(sameBothWays(twins, staffAt(exhibition, "main", today.plusSeconds(5))).earlierAt())
                .isEqualTo(today);
        assertSameRecords(twins);
    }

    @Test
    void anotherEditionsBadgeAtThisEditionsDeviceIsRejectedAlike() {
        long here = TestExhibitions.june2027();
        long elsewhere = TestExhibitions.june2027();
        Scanner batchedDevice = device(deviceToken(here, "main", List.of()));
        Scanner loneDevice = device(deviceToken(here, "main", List.of()));
        Twins theirs = twins(elsewhere, "Elsewhere Twin");
        Instant at = now();

        Checkins.Answer answer = sameBothWays(theirs, new Scan(batchedDevice, here, null, at, null),
                new Scan(loneDevice, here, null, at, null));
        assertThat(answer.reason()).isEqualTo(CheckinRules.Reason.WRONG_EDITION);
        assertThat(answer.badge()).isNull();
        assertThat(CheckinTestData.admissionsOf(theirs.batched().badge().id)).isZero();
        assertThat(CheckinTestData.admissionEditionOf(theirs.batched().badge().id)).isIn(null, elsewhere);
        assertSameRecords(theirs);
    }

    // ---- within one batch ----

    @Test
    void freeReentryAdmittedExitedAndAdmittedAgainInOneBatch() {
        long exhibition = TestExhibitions.june2027();
        String out = unique("Out");
        TestCheckins.gate(exhibition, out, "EXIT");
        String category = policy(exhibition, EntryPolicy.FREE_REENTRY);
        Twins twins = twins(exhibition, "Reentry Batch Twin", category, List.of(), today().minusDays(1),
                today().plusDays(1));
        Instant at = now().minusSeconds(60);

        List<Checkins.Answer> answers = sameBothWays(twins, List.of(staffAt(exhibition, "main", at),
                staffAt(exhibition, out, at.plusSeconds(10)), staffAt(exhibition, "main", at.plusSeconds(20))));

        assertThat(answers.stream().map(Checkins.Answer::result)).containsExactly(CheckinRules.Result.ADMITTED,
                CheckinRules.Result.EXITED, CheckinRules.Result.ADMITTED);
        assertThat(CheckinTestData.admissionsOf(twins.batched().badge().id)).isEqualTo(2);
        assertSameRecords(twins);
    }

    @Test
    void oncePerDayScannedThreeTimesInOneBatchIsAdmittedOnceAndThenNamesTheFirst() {
        long exhibition = TestExhibitions.june2027();
        String category = policy(exhibition, EntryPolicy.ONCE_PER_DAY);
        Twins twins = twins(exhibition, "Thrice Batch Twin", category, List.of(), today().minusDays(1),
                today().plusDays(1));
        Instant at = now().minusSeconds(60);

        List<Checkins.Answer> answers = sameBothWays(twins, List.of(staffAt(exhibition, "main", at),
                staffAt(exhibition, "main", at.plusSeconds(10)), staffAt(exhibition, "main", at.plusSeconds(20))));

        assertThat(answers.get(0).result()).isEqualTo(CheckinRules.Result.ADMITTED);
        for (Checkins.Answer again : answers.subList(1, 3)) {
            assertThat(again.result()).isEqualTo(CheckinRules.Result.ALREADY_ADMITTED);
            assertThat(again.earlierAt()).isEqualTo(stored(at));
            assertThat(again.earlierGate()).isEqualTo("main");
        }
        assertThat(CheckinTestData.admissionsOf(twins.batched().badge().id)).isEqualTo(1);
        assertSameRecords(twins);
    }

    @Test
    void anAdmissionInTheDaysLastMicrosecondCountsForThatDayInABatchAsAlone() {
        long exhibition = TestExhibitions.june2027();
        String category = policy(exhibition, EntryPolicy.ONCE_PER_DAY);
        Twins twins = twins(exhibition, "Midnight Twin", category, List.of(), today().minusDays(1),
                today().plusDays(1));
        // rounded to the microsecond it would be the next day; as stored it is still the day before
        Instant lastMoment = today().atStartOfDay(EDITION_ZONE).toInstant().minusNanos(400);
        Instant nextDay = today().atStartOfDay(EDITION_ZONE).toInstant().plusMillis(500);

        List<Checkins.Answer> answers = sameBothWays(twins, List.of(staffAt(exhibition, "main", lastMoment),
                staffAt(exhibition, "main", nextDay)));

        assertThat(answers.stream().map(Checkins.Answer::result)).containsExactly(CheckinRules.Result.ADMITTED,
                CheckinRules.Result.ADMITTED);
        assertSameRecords(twins);
    }

    @Test
    void twoDevicesAtTwoGatesScanningOneBadgeInOneBatchAdmitOnce() {
        long exhibition = TestExhibitions.june2027();
        String east = unique("East");
        TestCheckins.gate(exhibition, east, "ENTRY");
        Scanner atMain = device(deviceToken(exhibition, "main", List.of()));
        Scanner atEast = device(deviceToken(exhibition, east, List.of()));
        Twins twins = twins(exhibition, "Two Doors Twin");
        Instant at = now().minusSeconds(60);

        List<Checkins.Answer> answers = sameBothWays(twins, List.of(new Scan(atEast, exhibition, null, at, null),
                new Scan(atMain, exhibition, null, at.plusSeconds(1), null)));

        assertThat(answers.get(0).result()).isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(answers.get(1).result()).isEqualTo(CheckinRules.Result.ALREADY_ADMITTED);
        assertThat(answers.get(1).earlierGate()).isEqualTo(east);
        assertThat(CheckinTestData.admissionsOf(twins.batched().badge().id)).isEqualTo(1);
        assertSameRecords(twins);
    }

    // ---- concurrency through the API ----

    @Test
    void overlappingBatchesFromManyThreadsAdmitEachBadgeOnceAndFailNoRequest() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String east = unique("East");
        TestCheckins.gate(exhibition, east, "ENTRY");
        List<String> tokens = List.of(TestCheckins.deviceToken(exhibition, unique("Rush main"), "main"),
                TestCheckins.deviceToken(exhibition, unique("Rush east"), east), TestUsers.staff().token());
        List<Badges.Issued> crowd = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            crowd.add(TestCheckins.badgeValidToday(exhibition, "Crowd " + i, null));
        }
        record Call(String token, Badges.Issued badge, String scanId) {
        }
        List<Call> calls = new ArrayList<>();
        for (Badges.Issued badge : crowd) {
            for (int i = 0; i < 8; i++) {
                calls.add(new Call(tokens.get(i % tokens.size()), badge, UUID.randomUUID().toString()));
            }
        }
        Collections.shuffle(calls, new Random(6));

        Map<Long, List<String>> results = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Map.Entry<Long, String>>> tasks = new ArrayList<>();
            for (Call call : calls) {
                tasks.add(() -> {
                    Map<String, Object> body = new HashMap<>();
                    body.put("code", call.badge().badge().code);
                    body.put("scanId", call.scanId());
                    body.put("gate", "main");
                    String result = Api.as(call.token()).body(body).post("/api/checkins").then().statusCode(200)
                            .extract().path("result");
                    return Map.entry(call.badge().badge().id, result);
                });
            }
            for (Future<Map.Entry<Long, String>> f : pool.invokeAll(tasks)) {
                Map.Entry<Long, String> answered = f.get();
                results.computeIfAbsent(answered.getKey(), k -> new ArrayList<>()).add(answered.getValue());
            }
        } finally {
            pool.shutdownNow();
        }

        for (Badges.Issued badge : crowd) {
            assertThat(results.get(badge.badge().id)).as(badge.badge().holderName).hasSize(8)
                    .filteredOn("ADMITTED"::equals).hasSize(1);
            assertThat(results.get(badge.badge().id)).filteredOn("ALREADY_ADMITTED"::equals).hasSize(7);
            assertThat(CheckinTestData.scansOf(badge.badge().id)).isEqualTo(8);
            assertThat(CheckinTestData.admissionsOf(badge.badge().id)).isEqualTo(1);
        }
        for (Call call : calls) {
            assertThat(CheckinTestData.scansWithId(call.scanId())).isEqualTo(1);
        }
    }

    // ---- helpers ----

    /** A prior admission, then the policy's answer; an exit, then its answer again. */
    private void assertPolicyAfterAdmissionAndExit(EntryPolicy policy, CheckinRules.Result afterAdmission,
                                                   CheckinRules.Result afterExit) {
        long exhibition = TestExhibitions.june2027();
        String out = unique("Out");
        TestCheckins.gate(exhibition, out, "EXIT");
        String category = policy(exhibition, policy);
        Twins twins = twins(exhibition, policy + " Twin", category, List.of(), today().minusDays(1),
                today().plusDays(1));
        Instant at = now().minusSeconds(60);

        // the prior admission: alone for both, as a scan before the batch
        Checkins.Answer first = alone(twins.batched(), staffAt(exhibition, "main", at));
        assertThat(normalized(alone(twins.alone(), staffAt(exhibition, "main", at)))).isEqualTo(normalized(first));
        assertThat(first.result()).isEqualTo(CheckinRules.Result.ADMITTED);

        Checkins.Answer again = sameBothWays(twins, staffAt(exhibition, "main", at.plusSeconds(10)));
        assertThat(again.result()).isEqualTo(afterAdmission);
        if (afterAdmission == CheckinRules.Result.ALREADY_ADMITTED) {
            assertThat(again.earlierAt()).isEqualTo(stored(at));
            assertThat(again.earlierGate()).isEqualTo("main");
        }
        assertThat(sameBothWays(twins, staffAt(exhibition, out, at.plusSeconds(20))).result())
                .isEqualTo(CheckinRules.Result.EXITED);
        Checkins.Answer afterLeaving = sameBothWays(twins, staffAt(exhibition, "main", at.plusSeconds(30)));
        assertThat(afterLeaving.result()).isEqualTo(afterExit);
        if (afterExit == CheckinRules.Result.ALREADY_ADMITTED) {
            assertThat(afterLeaving.earlierAt()).isEqualTo(stored(at));
        }
        assertSameRecords(twins);
    }

    /** The scan decided for one twin in a batch and for the other alone: the same answer. */
    private Checkins.Answer sameBothWays(Twins twins, Scan scan) {
        return sameBothWays(twins, scan, scan);
    }

    private Checkins.Answer sameBothWays(Twins twins, Scan batched, Scan alone) {
        Optional<Checkins.Answer> inBatch = batches.record(List.of(queued(twins.batched(), batched))).get(0);
        assertThat(inBatch).as("decided by the batch, not left to be recorded alone").isPresent();
        Checkins.Answer byItself = alone(twins.alone(), alone);
        assertThat(normalized(inBatch.get())).isEqualTo(normalized(byItself));
        return inBatch.get();
    }

    /** The scans of one twin in one batch, of the other one after the other alone: the same answers. */
    private List<Checkins.Answer> sameBothWays(Twins twins, List<Scan> scans) {
        List<Optional<Checkins.Answer>> inBatch = batches.record(scans.stream().map(s -> queued(twins.batched(), s))
                .toList());
        assertThat(inBatch).allMatch(Optional::isPresent);
        List<Checkins.Answer> answers = inBatch.stream().map(Optional::orElseThrow).toList();
        List<Checkins.Answer> byThemselves = scans.stream().map(s -> alone(twins.alone(), s)).toList();
        assertThat(answers.stream().map(ScanBatchRulesTest::normalized))
                .containsExactlyElementsOf(byThemselves.stream().map(ScanBatchRulesTest::normalized).toList());
        return answers;
    }

    /** An answer without what differs between twins by design: the scan id and the badge's id. */
    private static Checkins.Answer normalized(Checkins.Answer a) {
        Checkins.BadgeInfo b = a.badge();
        return new Checkins.Answer(null, a.result(), a.reason(), b == null ? null : new Checkins.BadgeInfo(0,
                b.holder(), b.organization(), b.category(), b.categoryLabel(), b.colour()), a.earlierAt(),
                a.earlierGate(), a.recorded(), a.zone());
    }

    /** The twins' recorded scans and admission summaries, but for ids, who scanned and when recorded. */
    private static void assertSameRecords(Twins twins) {
        assertThat(recordsOf(twins.batched().badge().id)).isEqualTo(recordsOf(twins.alone().badge().id));
        assertThat(summaryOf(twins.batched().badge().id)).isEqualTo(summaryOf(twins.alone().badge().id));
    }

    private static List<List<Object>> recordsOf(long badgeId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckinScan.<CheckinScan>list(
                "badgeId = ?1 order by scannedAt, id", badgeId).stream().map(s -> java.util.Arrays.<Object>asList(
                s.exhibitionId, s.category, s.gateId, s.gateName, s.direction, s.scannedAt, s.result, s.reason,
                s.offline, s.earlierAt, s.earlierGate)).toList());
    }

    private static List<Object> summaryOf(long badgeId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Admission a = Admission.findById(badgeId);
            return a == null ? List.of() : java.util.Arrays.<Object>asList(a.exhibitionId, a.admissions,
                    a.firstAdmittedAt, a.lastAdmittedAt, a.lastAdmittedGate, a.lastExitedAt);
        });
    }

    /** As {@code Checkins} queues an online scan: a code naming the scan's edition parsed, any other verified. */
    private ScanBatchRecorder.Queued queued(Badges.Issued badge, Scan scan) {
        String code = badge.badge().code;
        Verification parsed = BadgeCodes.parse(code);
        Verification verification = parsed;
        String unproven = null;
        if (parsed.payload() != null && parsed.payload().exhibitionId() == scan.exhibitionId()) {
            unproven = code;
        } else {
            verification = scan.who().isDevice() ? badges.verify(code, scan.exhibitionId()) : badges.verify(code);
        }
        return new ScanBatchRecorder.Queued(scan.who(), new ScanRecorder.Prepared(scan.exhibitionId(), verification,
                verification.valid() ? verification.payload().badgeId() : null, scan.who().gateId(), scan.gate(),
                UUID.randomUUID().toString(), scan.at(), scan.direction(), false, null, unproven));
    }

    /** As {@code ScanQueue} records a scan alone: its signature checked first. */
    private Checkins.Answer alone(Badges.Issued badge, Scan scan) {
        ScanRecorder.Prepared p = queued(badge, scan).prepared();
        if (p.unproven() != null) {
            p = p.proven(scan.who().isDevice() ? badges.verify(p.unproven(), p.exhibitionId())
                    : badges.verify(p.unproven()));
        }
        return recorder.record(scan.who(), p);
    }

    private static Scan staffAt(long exhibition, String gate, Instant at) {
        return new Scan(staff(), exhibition, gate, at, null);
    }

    private static Scanner staff() {
        return Scanner.user(TestUsers.staff().id());
    }

    /** The device as its token's sign-in tells it, as the API builds it for each scan. */
    private static Scanner device(String token) {
        long id = Api.as(token).get("/api/devices/me").then().statusCode(200).extract().<Integer>path("id");
        return QuarkusTransaction.requiringNew().call(() -> {
            ScannerDevice d = ScannerDevice.findById(id);
            AuthCredential credential = AuthCredential.<AuthCredential>find("device.id = ?1 and revokedAt is null", id)
                    .firstResult();
            return Scanner.device(id, d.exhibitionId, d.gateId, Set.copyOf(d.categories), credential.id);
        });
    }

    private static String deviceToken(long exhibition, String gate, List<String> categories) {
        String code = Api.asAdmin().body(Map.of("name", unique("Twin tablet"), "gate", gate, "categories", categories))
                .post("/api/exhibitions/" + exhibition + "/devices").then().statusCode(201).extract().path("setupCode");
        return TestCheckins.activate(code);
    }

    private static void gate(long exhibition, String name, String kind, List<String> zones, List<String> categories) {
        Api.asAdmin().body(Map.of("name", name, "kind", kind, "zones", zones, "categories", categories))
                .post("/api/exhibitions/" + exhibition + "/gates").then().statusCode(201);
    }

    /** A category of its own with the policy set for it in the edition. */
    private static String policy(long exhibition, EntryPolicy policy) {
        String category = "CAT" + NAMES.incrementAndGet();
        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", category, "policy", policy.name()))))
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(200);
        return category;
    }

    private Twins twins(long exhibition, String holder) {
        return twins(exhibition, holder, "PROFESSIONAL", List.of(), today().minusDays(1), today().plusDays(1));
    }

    private Twins twins(long exhibition, String holder, String category, List<String> zones, LocalDate first,
                        LocalDate last) {
        return new Twins(badge(exhibition, holder, category, zones, first, last),
                badge(exhibition, holder, category, zones, first, last));
    }

    private Badges.Issued badge(long exhibition, String holder, String category, List<String> zones, LocalDate first,
                                LocalDate last) {
        return badges.issue(new Badges.IssueRequest(exhibition, TestBadges.person(null), holder, null, "Twin Co",
                category, "Twin visitor", "#1E88E5", first, last, zones));
    }

    private static LocalDate today() {
        return LocalDate.now(EDITION_ZONE);
    }

    /**
     * Now, finer than the columns keep it (microseconds), as the server's clock gives a scan's time: an earlier
     * time is answered as stored, whichever path reads it (a batch once answered the time it had in memory).
     */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);
    }

    /** The instant as a DATETIME(6) column gives it back: to the microsecond. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String unique(String name) {
        return name + " " + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }
}
