package org.expodesk.leads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.badge.Verification;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An exhibitor's leads: a scanned badge verified and made a lead once per visitor, the lead's
 * rating, notes, tags and answers, and the counts staff and follow-up mails read.
 */
@ApplicationScoped
@Transactional
public class Leads {

    /** A scan dated further ahead than this is taken as received now: a device clock gone wrong. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_TAGS = 20;

    @Inject
    Badges badges;

    @Inject
    Exhibiting exhibiting;

    @Inject
    LeadQuestions questions;

    @Inject
    LeadInteractions interactions;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public record Scan(String code, String scanId, Instant scannedAt) {
    }

    public record Changes(Long version, String rating, String notes, String tags, Map<String, String> answers) {
    }

    /**
     * Records one scan for the organization: the badge code verified for the edition, the lead made
     * or found. A scan id seen before answers what it answered then (a refused scan is not kept, so
     * it is decided again).
     */
    public ScanResult scan(long organizationId, long exhibitionId, Scan scan, String username) {
        exhibiting.require(organizationId, exhibitionId);
        String scanId = scanId(scan.scanId());
        LeadScan earlier = LeadScan.find("organizationId = ?1 and scanId = ?2", organizationId, scanId)
                .firstResult();
        if (earlier != null) {
            Lead earlierLead = Lead.findById(earlier.leadId);
            if (earlierLead == null || !earlierLead.exhibitionId.equals(exhibitionId)) {
                // a scan id the device used at another edition: refused, so that its queue sets it aside
                return ScanResult.refused(scanId, "UNKNOWN");
            }
            return new ScanResult(scanId, ScanResult.Outcome.EXISTING, null, earlier.leadId);
        }
        String code = scan.code() == null ? "" : scan.code().trim();
        Verification v = badges.verify(code, exhibitionId);
        if (!v.valid()) {
            return ScanResult.refused(scanId, v.result().name());
        }
        Badge badge = badges.find(v.payload().badgeId()).orElse(null);
        if (badge == null || !badge.exhibitionId.equals(exhibitionId)) {
            return ScanResult.refused(scanId, "UNKNOWN");
        }
        if (badge.state != BadgeState.VALID) {
            return ScanResult.refused(scanId, badge.state.name());
        }
        Instant now = Instant.now(clock);
        Instant at = scan.scannedAt() == null || scan.scannedAt().isAfter(now.plus(CLOCK_SKEW)) ? now
                : scan.scannedAt();
        Lead lead = Lead.find("organizationId = ?1 and exhibitionId = ?2 and personId = ?3", organizationId,
                exhibitionId, badge.personId).firstResult();
        boolean created = lead == null;
        if (created) {
            lead = new Lead();
            lead.exhibitionId = exhibitionId;
            lead.organizationId = organizationId;
            lead.personId = badge.personId;
            lead.badgeId = badge.id;
            lead.categoryCode = badge.categoryCode;
            lead.firstScannedAt = at;
            lead.lastScannedAt = at;
            lead.scannedBy = username;
            // a second scan of the same visitor at once meets the unique key here; LeadScanner retries it
            lead.persist();
            interactions.scanned(lead, badge);
        } else if (at.isAfter(lead.lastScannedAt)) {
            lead.lastScannedAt = at;
        }
        LeadScan row = new LeadScan();
        row.leadId = lead.id;
        row.organizationId = organizationId;
        row.scanId = scanId;
        row.scannedAt = at;
        row.scannedBy = username;
        row.receivedAt = now;
        row.persist();
        return new ScanResult(scanId, created ? ScanResult.Outcome.CREATED : ScanResult.Outcome.EXISTING, null,
                lead.id);
    }

    /** The organization's lead at the edition, else not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Lead get(long organizationId, long exhibitionId, long leadId) {
        Lead lead = Lead.findById(leadId);
        if (lead == null || !lead.organizationId.equals(organizationId) || !lead.exhibitionId.equals(exhibitionId)) {
            throw ProblemException.notFound("Lead");
        }
        return lead;
    }

    /** The organization's leads at the edition, last scanned first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Lead> of(long organizationId, long exhibitionId) {
        exhibiting.require(organizationId, exhibitionId);
        return Lead.list("organizationId = ?1 and exhibitionId = ?2", Sort.descending("lastScannedAt", "id"),
                organizationId, exhibitionId);
    }

    /** Absent fields stay as they are; an empty one is cleared. */
    public Lead update(long organizationId, long exhibitionId, long leadId, Changes c) {
        Lead lead = get(organizationId, exhibitionId, leadId);
        if (c.version() == null || c.version() != lead.version) {
            throw ProblemException.conflict("leads_changedMeanwhile");
        }
        List<FieldError> errors = new ArrayList<>();
        LeadRating rating = c.rating() == null ? lead.rating : rating(c.rating(), errors);
        String notes = c.notes() == null ? lead.notes : FieldChecks.text(c.notes(), "notes", 4000, false, errors);
        String tags = c.tags() == null ? lead.tags : tags(c.tags(), errors);
        String answers = c.answers() == null ? lead.answers
                : answers(organizationId, exhibitionId, answersOf(lead), c.answers(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        lead.rating = rating;
        lead.notes = notes;
        lead.tags = tags;
        lead.answers = answers;
        return lead;
    }

    /** The answers of a lead, question id to text. */
    public Map<Long, String> answersOf(Lead lead) {
        if (lead.answers == null || lead.answers.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> raw = json.readValue(lead.answers, new TypeReference<LinkedHashMap<String, String>>() {
            });
            Map<Long, String> answers = new LinkedHashMap<>();
            raw.forEach((k, v) -> answers.put(Long.valueOf(k), v));
            return answers;
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new IllegalStateException("answers of lead " + lead.id + " are not readable", e);
        }
    }

    /** How many leads the organization took at the edition. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long leadCount(long organizationId, long exhibitionId) {
        return Lead.count("organizationId = ?1 and exhibitionId = ?2", organizationId, exhibitionId);
    }

    /** Lead counts of the edition's exhibitors that took any, by organization id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> leadCounts(long exhibitionId) {
        return Lead.getEntityManager().createQuery("select l.organizationId, count(l) from Lead l "
                        + "where l.exhibitionId = :e group by l.organizationId", Object[].class)
                .setParameter("e", exhibitionId).getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    private String answers(long organizationId, long exhibitionId, Map<Long, String> current,
                           Map<String, String> given, List<FieldError> errors) {
        Map<Long, LeadQuestion> asked = questions.of(organizationId, exhibitionId).stream()
                .collect(Collectors.toMap(q -> q.id, q -> q));
        Map<Long, String> result = new LinkedHashMap<>(current);
        result.keySet().retainAll(asked.keySet());
        given.forEach((key, value) -> {
            String field = "answers." + key;
            LeadQuestion q = key != null && key.matches("\\d{1,18}") ? asked.get(Long.valueOf(key)) : null;
            if (q == null) {
                errors.add(new FieldError(field, "leads_questionUnknown"));
                return;
            }
            String text = value == null ? "" : value.trim();
            if (text.isEmpty()) {
                result.remove(q.id);
                return;
            }
            switch (q.kind) {
                case CHOICE -> {
                    if (!q.choiceList().contains(text)) {
                        errors.add(new FieldError(field, "leads_choiceInvalid"));
                        return;
                    }
                }
                case YES_NO -> {
                    text = text.toUpperCase(Locale.ROOT);
                    if (!text.equals("YES") && !text.equals("NO")) {
                        errors.add(new FieldError(field, "leads_choiceInvalid"));
                        return;
                    }
                }
                default -> {
                    if (text.length() > 500) {
                        errors.add(new FieldError(field, "field_tooLong"));
                        return;
                    }
                }
            }
            result.put(q.id, text);
        });
        if (result.isEmpty()) {
            return null;
        }
        try {
            Map<String, String> out = new LinkedHashMap<>();
            result.forEach((k, v) -> out.put(String.valueOf(k), v));
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LeadRating rating(String value, List<FieldError> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LeadRating.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("rating", "leads_choiceInvalid"));
            return null;
        }
    }

    private static String tags(String value, List<FieldError> errors) {
        List<String> tags = Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .distinct().toList();
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > 40)) {
            errors.add(new FieldError("tags", "leads_tagsInvalid"));
            return null;
        }
        String joined = String.join(", ", tags);
        if (joined.length() > 500) {
            errors.add(new FieldError("tags", "leads_tagsInvalid"));
            return null;
        }
        return joined.isEmpty() ? null : joined;
    }

    /** Up to 64 letters, digits and {@code _ . : -}, as a UUID is. */
    public static boolean isScanId(String id) {
        return id.length() <= 64 && id.matches("[A-Za-z0-9_.:-]+");
    }

    /** The client's scan id, else a new one (a scan without one is never taken for another). */
    private static String scanId(String given) {
        if (given == null || given.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String id = given.trim();
        if (!isScanId(id)) {
            throw ProblemException.invalid("scanId", "leads_scanIdInvalid");
        }
        return id;
    }
}
