package org.expodesk.party.dedup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The pairs that may be the same party, waiting for a person to decide. */
@ApplicationScoped
@Transactional
public class ReviewQueue {

    @Inject
    Clock clock;

    /**
     * Adds a pair of a record this transaction has just created, each candidate once: no pair of it
     * can be there yet, so none is looked for (a company a people file names has up to five).
     */
    public void proposeForNew(String kind, long recordId, long candidateId, double score, String reasons) {
        DedupCandidate c = new DedupCandidate();
        c.kind = kind;
        c.recordId = recordId;
        c.candidateId = candidateId;
        c.score = BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
        c.reasons = reasons.length() > 500 ? reasons.substring(0, 500) : reasons;
        c.persist();
    }

    /**
     * Adds a pair found by a scan unless it is already there in either order, whatever its status:
     * a pair someone dismissed does not come back. True when it was new.
     */
    public boolean proposeOnce(String kind, long recordId, long candidateId, double score, String reasons, boolean sure) {
        if (DedupCandidate.count("kind = ?1 and ((recordId = ?2 and candidateId = ?3) or (recordId = ?3 and candidateId = ?2))",
                kind, recordId, candidateId) > 0) {
            return false;
        }
        DedupCandidate c = new DedupCandidate();
        c.kind = kind;
        c.recordId = recordId;
        c.candidateId = candidateId;
        c.score = BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
        c.reasons = reasons.length() > 500 ? reasons.substring(0, 500) : reasons;
        c.sure = sure;
        c.persist();
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DedupCandidate> open(String kind) {
        return DedupCandidate.list("status = ?1 and kind = ?2", Sort.descending("score"), DedupCandidate.OPEN, kind);
    }

    /** Not the same party after all. */
    public DedupCandidate dismiss(long id, String by) {
        return decide(id, DedupCandidate.DISMISSED, by);
    }

    public DedupCandidate decide(long id, String status, String by) {
        DedupCandidate c = DedupCandidate.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Review item");
        }
        if (!DedupCandidate.OPEN.equals(c.status)) {
            throw ProblemException.conflict("party_pairDecided");
        }
        c.status = status;
        c.decidedBy = by;
        c.decidedAt = Instant.now(clock);
        return c;
    }

    /** An erased person is nobody's duplicate any more: their open pairs are closed. */
    void forget(@jakarta.enterprise.event.Observes org.expodesk.party.PersonErased erased) {
        for (DedupCandidate c : DedupCandidate.<DedupCandidate>list("kind = 'PERSON' and status = ?1"
                + " and (recordId = ?2 or candidateId = ?2)", DedupCandidate.OPEN, erased.personId())) {
            c.status = DedupCandidate.DISMISSED;
            c.decidedBy = "erasure";
            c.decidedAt = Instant.now(clock);
        }
    }
}
