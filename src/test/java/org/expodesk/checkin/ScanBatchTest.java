package org.expodesk.checkin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.account.AuthCredential;
import org.expodesk.account.ScannerDevice;
import org.expodesk.badge.BadgeCodes;
import org.expodesk.badge.Badges;
import org.expodesk.badge.Verification;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Online scans decided together in one transaction (docs/adr/0021-online-scans-decided-together.md),
 * batches made here by hand: what the writers make of whatever is queued at once.
 */
@QuarkusTest
class ScanBatchTest {

    @Inject
    ScanBatchRecorder batches;

    @Inject
    ScanRecorder recorder;

    @Inject
    Badges badges;

    /** A staff scan as {@code Checkins} queues it: the code parsed, its signature left for the batch to prove. */
    private ScanBatchRecorder.Queued byStaff(Scanner staff, long exhibition, String code, String gate, String scanId) {
        Verification parsed = BadgeCodes.parse(code);
        return new ScanBatchRecorder.Queued(staff, new ScanRecorder.Prepared(exhibition, parsed,
                parsed.payload().badgeId(), null, gate, scanId, Instant.now(), null, false, null, code));
    }

    private ScanBatchRecorder.Queued byDevice(Scanner device, String code, String scanId) {
        Verification parsed = BadgeCodes.parse(code);
        return new ScanBatchRecorder.Queued(device, new ScanRecorder.Prepared(device.exhibitionId(), parsed,
                parsed.payload().badgeId(), device.gateId(), null, scanId, Instant.now(), null, false, null, code));
    }

    /** Recorded alone, as {@code ScanQueue} does with what a batch leaves: its signature checked first. */
    private Checkins.Answer alone(ScanBatchRecorder.Queued scan) {
        ScanRecorder.Prepared p = scan.prepared();
        Verification checked = scan.who().isDevice() ? badges.verify(p.unproven(), p.exhibitionId())
                : badges.verify(p.unproven());
        return recorder.record(scan.who(), p.proven(checked));
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

    private static Scanner staff() {
        return Scanner.user(TestUsers.staff().id());
    }

    private static String newScanId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aBadgeScannedTwiceInOneBatchIsAdmittedOnceAndTheSecondScanSeesTheFirst() {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued twice = TestCheckins.badgeValidToday(exhibition, "Twice Scanned", null);
        Badges.Issued once = TestCheckins.badgeValidToday(exhibition, "Once Scanned", null);
        Scanner staff = staff();

        List<Optional<Checkins.Answer>> answers = batches.record(List.of(
                byStaff(staff, exhibition, twice.badge().code, "main", newScanId()),
                byStaff(staff, exhibition, once.badge().code, "main", newScanId()),
                byStaff(staff, exhibition, twice.badge().code, "main", newScanId())));

        assertThat(answers).allMatch(Optional::isPresent);
        assertThat(answers.get(0).orElseThrow().result()).isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(answers.get(1).orElseThrow().result()).isEqualTo(CheckinRules.Result.ADMITTED);
        Checkins.Answer again = answers.get(2).orElseThrow();
        assertThat(again.result()).isEqualTo(CheckinRules.Result.ALREADY_ADMITTED);
        assertThat(again.earlierGate()).isEqualTo("main");
        assertThat(CheckinTestData.scansOf(twice.badge().id)).isEqualTo(2);
        assertThat(CheckinTestData.admissionsOf(twice.badge().id)).isEqualTo(1);
        assertThat(CheckinTestData.admissionsOf(once.badge().id)).isEqualTo(1);

        // the next scan, alone, reads what the batch wrote
        assertThat(alone(byStaff(staff, exhibition, twice.badge().code, "main", newScanId())).result())
                .isEqualTo(CheckinRules.Result.ALREADY_ADMITTED);
    }

    @Test
    void theSameScanIdTwiceInOneBatchIsRecordedOnceAndBothAreAnsweredAlike() {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued badge = TestCheckins.badgeValidToday(exhibition, "Double Sent", null);
        Scanner staff = staff();
        String scanId = newScanId();

        List<Optional<Checkins.Answer>> answers = batches.record(List.of(
                byStaff(staff, exhibition, badge.badge().code, "main", scanId),
                byStaff(staff, exhibition, badge.badge().code, "main", scanId)));

        assertThat(answers).allMatch(Optional::isPresent);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0).orElseThrow().result()).isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(CheckinTestData.scansWithId(scanId)).isEqualTo(1);
        assertThat(CheckinTestData.admissionsOf(badge.badge().id)).isEqualTo(1);
    }

    @Test
    void aBatchWhoseWriteFailsRecordsNothingAndItsScansAreThenRecordedAlone() {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued good = TestCheckins.badgeValidToday(exhibition, "Good Scan", null);
        Badges.Issued other = TestCheckins.badgeValidToday(exhibition, "Bad Scan", null);
        Scanner staff = staff();
        // longer than the column: the batch's insert fails (the API refuses such an id before it gets here)
        ScanBatchRecorder.Queued bad = byStaff(staff, exhibition, other.badge().code, "main", "x".repeat(65));
        ScanBatchRecorder.Queued fine = byStaff(staff, exhibition, good.badge().code, "main", newScanId());

        List<Optional<Checkins.Answer>> answers = batches.record(List.of(fine, bad));

        assertThat(answers).containsExactly(Optional.empty(), Optional.empty());
        assertThat(CheckinTestData.scansOf(good.badge().id)).isZero();
        assertThat(CheckinTestData.admissionsOf(good.badge().id)).isZero();
        assertThat(alone(fine).result()).isEqualTo(CheckinRules.Result.ADMITTED);
        assertThatThrownBy(() -> alone(bad)).isInstanceOf(RuntimeException.class);
        assertThat(CheckinTestData.scansOf(good.badge().id)).isEqualTo(1);
        assertThat(CheckinTestData.scansOf(other.badge().id)).isZero();
    }

    @Test
    void rareScansAreLeftToBeRecordedAloneAndTheOthersAreDecided() {
        long exhibition = TestExhibitions.june2027();
        String revokedToken = TestCheckins.deviceToken(exhibition, "Batch lost tablet", "main");
        Scanner revoked = device(revokedToken);
        CheckinTestData.revokeCredentialsOf(revoked.deviceId());
        Badges.Issued good = TestCheckins.badgeValidToday(exhibition, "Among Rare Ones", null);
        Badges.Issued elsewhere = TestCheckins.badgeValidToday(exhibition, "At No Gate", null);
        Badges.Issued retried = TestCheckins.badgeValidToday(exhibition, "Sent Again", null);
        Badges.Issued atRevoked = TestCheckins.badgeValidToday(exhibition, "At Lost Tablet", null);
        Scanner staff = staff();
        ScanBatchRecorder.Queued retry = byStaff(staff, exhibition, retried.badge().code, "main", newScanId());
        Checkins.Answer first = alone(retry);

        ScanBatchRecorder.Queued noGate = byStaff(staff, exhibition, elsewhere.badge().code, "Nowhere", newScanId());
        ScanBatchRecorder.Queued lost = byDevice(revoked, atRevoked.badge().code, newScanId());
        List<Optional<Checkins.Answer>> answers = batches.record(List.of(noGate, retry, lost,
                byStaff(staff, exhibition, good.badge().code, "main", newScanId())));

        assertThat(answers.subList(0, 3)).containsOnly(Optional.empty());
        assertThat(answers.get(3).orElseThrow().result()).isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(CheckinTestData.scansOf(good.badge().id)).isEqualTo(1);
        assertThat(CheckinTestData.scansOf(retried.badge().id)).isEqualTo(1);
        assertThat(CheckinTestData.scansOf(elsewhere.badge().id)).isZero();
        assertThat(CheckinTestData.scansOf(atRevoked.badge().id)).isZero();

        // alone, each is what it was before batches: 422, answered from its row, 401
        assertThatThrownBy(() -> alone(noGate)).isInstanceOf(ProblemException.class);
        assertThat(alone(retry)).isEqualTo(first);
        assertThatThrownBy(() -> alone(lost)).isInstanceOf(io.quarkus.security.UnauthorizedException.class);
    }

    @Test
    void aDevicesScanAndAStaffScanOfOneBadgeInOneBatchAdmitOnce() {
        long exhibition = TestExhibitions.june2027();
        Scanner tablet = device(TestCheckins.deviceToken(exhibition, "Batch tablet", "main"));
        Badges.Issued badge = TestCheckins.badgeValidToday(exhibition, "Both Ways", null);
        Badges.Issued another = TestCheckins.badgeValidToday(exhibition, "Tablet Only", null);
        Scanner staff = staff();

        List<Optional<Checkins.Answer>> answers = batches.record(List.of(
                byDevice(tablet, badge.badge().code, newScanId()),
                byStaff(staff, exhibition, badge.badge().code, "main", newScanId()),
                byDevice(tablet, another.badge().code, newScanId())));

        assertThat(answers).allMatch(Optional::isPresent);
        assertThat(answers.stream().map(a -> a.orElseThrow().result())).containsExactly(
                CheckinRules.Result.ADMITTED, CheckinRules.Result.ALREADY_ADMITTED, CheckinRules.Result.ADMITTED);
        assertThat(CheckinTestData.scansOf(badge.badge().id)).isEqualTo(2);
        assertThat(CheckinTestData.admissionsOf(badge.badge().id)).isEqualTo(1);
        List<CheckinScan> rows = QuarkusTransaction.requiringNew().call(() ->
                CheckinScan.<CheckinScan>list("badgeId = ?1 order by id", badge.badge().id));
        assertThat(rows.get(0).deviceId).isEqualTo(tablet.deviceId());
        assertThat(rows.get(1).userId).isEqualTo(staff.userId());
    }

    @Test
    void aCodeThatIsNotTheBadgesIssuedOneIsLeftToItsSignatureCheckAndRejectedAlone() {
        long exhibition = TestExhibitions.june2027();
        Scanner tablet = device(TestCheckins.deviceToken(exhibition, "Batch forgery tablet", "main"));
        Badges.Issued genuine = TestCheckins.badgeValidToday(exhibition, "Genuine Holder", null);
        Badges.Issued copied = TestCheckins.badgeValidToday(exhibition, "Copied Holder", null);
        ScanBatchRecorder.Queued forged = byDevice(tablet, CheckinApiTest.tampered(copied.badge().code), newScanId());

        List<Optional<Checkins.Answer>> answers = batches.record(List.of(forged,
                byDevice(tablet, genuine.badge().code, newScanId())));

        assertThat(answers.get(0)).isEmpty();
        assertThat(answers.get(1).orElseThrow().result()).isEqualTo(CheckinRules.Result.ADMITTED);
        Checkins.Answer rejected = alone(forged);
        assertThat(rejected.result()).isEqualTo(CheckinRules.Result.REJECTED);
        assertThat(rejected.reason()).isEqualTo(CheckinRules.Reason.FORGED);
        assertThat(rejected.badge()).isNull();
        assertThat(CheckinTestData.scansOf(copied.badge().id)).isZero();
        assertThat(CheckinTestData.admissionsOf(copied.badge().id)).isZero();
    }

    @Test
    void aCodeNamingAnotherEditionsBadgeLeavesThatBadgesAdmissionsFiledUnderItsOwnEdition() {
        long here = TestExhibitions.june2027();
        long elsewhere = TestExhibitions.june2027();
        Scanner tablet = device(TestCheckins.deviceToken(here, "Batch misfiling tablet", "main"));
        Badges.Issued genuine = TestCheckins.badgeValidToday(here, "Genuine Here", null);
        Badges.Issued theirs = TestCheckins.badgeValidToday(elsewhere, "Badge Of Elsewhere", null);
        // what a forged code naming this edition and the other edition's badge id brings to the batch
        Verification parsed = BadgeCodes.parse(genuine.badge().code);
        ScanBatchRecorder.Queued forged = new ScanBatchRecorder.Queued(tablet, new ScanRecorder.Prepared(here, parsed,
                theirs.badge().id, tablet.gateId(), null, newScanId(), Instant.now(), null, false, null,
                genuine.badge().code));

        List<Optional<Checkins.Answer>> answers = batches.record(List.of(forged,
                byDevice(tablet, genuine.badge().code, newScanId())));

        assertThat(answers.get(0)).isEmpty();
        assertThat(answers.get(1).orElseThrow().result()).isEqualTo(CheckinRules.Result.ADMITTED);
        assertThat(CheckinTestData.scansOf(theirs.badge().id)).isZero();
        assertThat(CheckinTestData.admissionEditionOf(theirs.badge().id)).isIn(null, elsewhere);
        assertThat(CheckinTestData.admissionEditionOf(genuine.badge().id)).isEqualTo(here);
    }
}
