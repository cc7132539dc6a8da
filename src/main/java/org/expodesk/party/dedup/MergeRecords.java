package org.expodesk.party.dedup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What merging organizations and merging people share (docs/dedup.md 5): the value chosen per
 * field, the merge log written and read, the review pairs the merge settles (the pair itself) or
 * passes on to the survivor (the duplicate's other pairs), and the rules of undo (latest first;
 * only what the merge set and nobody changed since goes back).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class MergeRecords {

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<Long>>> MOVED = new TypeReference<>() { };

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    ReviewQueue review;

    /** Refuses a field to take from the duplicate that is not one of {@code fields}. */
    static void checkTake(List<String> fields, Set<String> take) {
        for (String field : take) {
            if (!fields.contains(field)) {
                throw ProblemException.invalid("take", "party_mergeFieldUnknown");
            }
        }
    }

    /** The survivor's values, except those taken from the duplicate; the survivor's gaps filled from the duplicate. */
    static Map<String, Object> chosen(List<String> fields, Map<String, Object> survivor, Map<String, Object> duplicate,
                                      Set<String> take) {
        Map<String, Object> result = new LinkedHashMap<>(survivor);
        for (String field : fields) {
            if (take.contains(field) || result.get(field) == null) {
                result.put(field, duplicate.get(field));
            }
        }
        return result;
    }

    /** Writes the merge log and settles the open review pairs of the two records as merged. */
    MergeLog log(String kind, long survivorId, long duplicateId, Map<String, Object> before, Map<String, Object> after,
                 Map<String, List<Long>> moved, String by) {
        for (DedupCandidate pair : DedupCandidate.<DedupCandidate>list("kind = ?1 and status = ?2"
                + " and (recordId = ?3 or candidateId = ?3)", kind, DedupCandidate.OPEN, duplicateId)) {
            long other = pair.recordId == duplicateId ? pair.candidateId : pair.recordId;
            boolean known = other == survivorId || DedupCandidate.count("kind = ?1 and ((recordId = ?2 and candidateId = ?3)"
                    + " or (recordId = ?3 and candidateId = ?2))", kind, other, survivorId) > 0;
            if (known) {
                review.decide(pair.id, DedupCandidate.MERGED, by);
            } else if (pair.recordId == duplicateId) {
                // what resembled the duplicate now resembles the record it became
                pair.recordId = survivorId;
            } else {
                pair.candidateId = survivorId;
            }
        }
        MergeLog log = new MergeLog();
        log.kind = kind;
        log.survivorId = survivorId;
        log.duplicateId = duplicateId;
        log.survivorBefore = write(before);
        log.survivorAfter = write(after);
        log.moved = write(moved);
        log.mergedBy = by;
        log.persist();
        return log;
    }

    /** A merge of this kind that is in force; 404 for another kind's, 409 once undone. */
    static MergeLog inForce(long mergeId, String kind) {
        MergeLog log = MergeLog.findById(mergeId);
        if (log == null || !kind.equals(log.kind)) {
            throw ProblemException.notFound("Merge");
        }
        if (log.undoneAt != null) {
            throw ProblemException.conflict("party_mergeAlreadyUndone");
        }
        return log;
    }

    /** Merges form chains (X into D, then D into S): they are undone latest first. */
    static void requireLatest(MergeLog log, String refusal) {
        if (MergeLog.count("kind = ?1 and undoneAt is null and id > ?2 and (survivorId in ?3 or duplicateId in ?3)",
                log.kind, log.id, List.of(log.survivorId, log.duplicateId)) > 0) {
            throw ProblemException.conflict(refusal);
        }
    }

    /** The survivor's values with those the merge set, and nobody has changed since, back as they were. */
    Map<String, Object> reverted(List<String> fields, MergeLog log, Map<String, Object> now) {
        Map<String, Object> before = read(log.survivorBefore, VALUES);
        Map<String, Object> after = log.survivorAfter == null ? now : read(log.survivorAfter, VALUES);
        Map<String, Object> result = new LinkedHashMap<>(now);
        for (String field : fields) {
            if (Objects.equals(String.valueOf(now.get(field)), String.valueOf(after.get(field)))) {
                result.put(field, before.get(field));
            }
        }
        return result;
    }

    /** The ids of the rows the merge moved, by table. */
    Map<String, List<Long>> moved(MergeLog log) {
        return read(log.moved, MOVED);
    }

    void undone(MergeLog log, String by) {
        log.undoneBy = by;
        log.undoneAt = Instant.now(clock);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the merge log", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read the merge log", e);
        }
    }
}
