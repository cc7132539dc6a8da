package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;

import java.time.Instant;
import java.util.List;

/** The edition's offline conflicts, newest first, with the scan they concern. */
@ApplicationScoped
public class CheckinConflicts {

    public record ConflictView(long id, Long badgeId, String gate, String scannedBy, Instant scannedAt,
                               CheckinRules.Result offlineResult, CheckinRules.Result result,
                               CheckinRules.Reason reason, Instant earlierAt, String earlierGate, Instant recordedAt) {
    }

    /** Enough for a show's worth; older ones stay in the table. */
    private static final int LIMIT = 1000;

    @Inject
    ExhibitionService exhibitions;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConflictView> of(long exhibitionId) {
        exhibitions.get(exhibitionId);
        List<CheckinConflict> conflicts = CheckinConflict.<CheckinConflict>find(
                "exhibitionId = ?1 order by createdAt desc, id desc", exhibitionId).page(0, LIMIT).list();
        return conflicts.stream().map(c -> {
            CheckinScan scan = CheckinScan.findById(c.scanId);
            return new ConflictView(c.id, c.badgeId, scan.gateName, scan.scannedBy, scan.scannedAt, c.offlineResult,
                    c.result, c.reason, c.earlierAt, c.earlierGate, scan.recordedAt);
        }).toList();
    }

    /** How many conflicts the edition has, for a link that says whether there is anything to look at. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(long exhibitionId) {
        return CheckinConflict.count("exhibitionId", exhibitionId);
    }
}
