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
}
