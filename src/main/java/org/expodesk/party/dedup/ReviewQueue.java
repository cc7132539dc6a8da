package org.expodesk.party.dedup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.db.HeldUntilCommit;
import org.expodesk.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pairs that may be the same party, waiting for a person to decide. */
@ApplicationScoped
@Transactional
public class ReviewQueue {

    @Inject
    Clock clock;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    @Inject
    org.expodesk.audit.AuditLog auditLog;

    /** The key of the pairs a transaction holds back ({@link #holdUntilCommit}). */
    private static final String HELD = ReviewQueue.class.getName() + ".held";

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
        HeldUntilCommit<DedupCandidate> held = HeldUntilCommit.current(transaction, HELD);
        if (held != null) {
            // what persisting would have set; the id and the audit entry once written
            c.createdAt = Instant.now(clock);
            c.updatedAt = c.createdAt;
            held.add(c);
            return;
        }
        c.persist();
    }

    /**
     * The caller's transaction writes the pairs of the records it creates in one batch ({@link #writeHeld}, at the
     * latest as it commits) instead of one statement each (an import chunk's new companies propose thousands, and
     * with {@code AUTO_INCREMENT} ids Hibernate writes each alone). Nothing reads them before: a pair of a record
     * created in this transaction is no other's, and {@link #proposeOnce} writes them first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdUntilCommit() {
        HeldUntilCommit.<DedupCandidate>start(transaction, HELD, this::insert);
    }

    /** Writes the pairs this transaction holds back now (with their audit entries), and goes on holding. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeHeld() {
        HeldUntilCommit<DedupCandidate> held = HeldUntilCommit.current(transaction, HELD);
        if (held != null) {
            held.flush();
        }
    }

    private void insert(List<DedupCandidate> pairs) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            org.expodesk.platform.db.MultiRowInsert.write(connection, "INSERT INTO dedup_candidate (kind, record_id,"
                    + " candidate_id, score, reasons, status, sure, created_at, updated_at, version)", "", pairs,
                    c -> new Object[]{c.kind, c.recordId, c.candidateId, c.score, c.reasons, c.status, c.sure,
                            java.time.LocalDateTime.ofInstant(c.createdAt, java.time.ZoneOffset.UTC),
                            java.time.LocalDateTime.ofInstant(c.updatedAt, java.time.ZoneOffset.UTC), 0L});
            // the ids read back by the pairs' unique key, not trusted to be consecutive: every pair of a record
            // this transaction created is one of these
            Map<String, DedupCandidate> byKey = new HashMap<>();
            Map<String, Set<Long>> recordsByKind = new HashMap<>();
            for (DedupCandidate c : pairs) {
                byKey.put(c.kind + ':' + c.recordId + ':' + c.candidateId, c);
                recordsByKind.computeIfAbsent(c.kind, k -> new HashSet<>()).add(c.recordId);
            }
            for (Map.Entry<String, Set<Long>> kind : recordsByKind.entrySet()) {
                try (java.sql.PreparedStatement ids = connection.prepareStatement("SELECT id, record_id, candidate_id"
                        + " FROM dedup_candidate WHERE kind = ? AND record_id IN ("
                        + "?,".repeat(kind.getValue().size() - 1) + "?)")) {
                    ids.setString(1, kind.getKey());
                    int i = 2;
                    for (long recordId : kind.getValue()) {
                        ids.setLong(i++, recordId);
                    }
                    try (java.sql.ResultSet rs = ids.executeQuery()) {
                        while (rs.next()) {
                            DedupCandidate c = byKey.get(kind.getKey() + ':' + rs.getLong(2) + ':' + rs.getLong(3));
                            if (c != null) {
                                c.id = rs.getLong(1);
                            }
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not write the review pairs", e);
        }
        for (DedupCandidate c : pairs) {
            auditLog.recordCreated(c);
        }
    }

    /**
     * Adds a pair found by a scan unless it is already there in either order, whatever its status:
     * a pair someone dismissed does not come back. True when it was new.
     */
    public boolean proposeOnce(String kind, long recordId, long candidateId, double score, String reasons, boolean sure) {
        writeHeld();
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
