package org.expodesk.checkin;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads of check-in's tables for assertions. */
final class CheckinTestData {

    private CheckinTestData() {
    }

    static long scansOf(long badgeId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckinScan.count("badgeId", badgeId));
    }

    static long scansWithId(String scanId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckinScan.count("scanId", scanId));
    }

    static int admissionsOf(long badgeId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Admission a = Admission.findById(badgeId);
            return a == null ? 0 : a.admissions;
        });
    }

    /** The edition the badge's admission row is filed under, null when it has none. */
    static Long admissionEditionOf(long badgeId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Admission a = Admission.findById(badgeId);
            return a == null ? null : a.exhibitionId;
        });
    }

    static java.util.List<String> gateNamesOf(long badgeId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckinScan.<CheckinScan>list("badgeId", badgeId).stream()
                .map(scan -> scan.gateName).toList());
    }

    /** What revoking the device on another instance leaves in the database, without this instance hearing of it. */
    static void revokeCredentialsOf(long deviceId) {
        QuarkusTransaction.requiringNew().run(() -> org.expodesk.account.AuthCredential.update(
                "revokedAt = ?1 where device.id = ?2 and revokedAt is null", java.time.Instant.now(), deviceId));
    }

    /** What setting the device to another gate on another instance leaves in the database. */
    static void setGateOf(long deviceId, long gateId) {
        QuarkusTransaction.requiringNew().run(() -> org.expodesk.account.ScannerDevice.update(
                "gateId = ?1 where id = ?2", gateId, deviceId));
    }
}
