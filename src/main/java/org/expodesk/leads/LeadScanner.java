package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Scans as devices send them: one, or a batch from a queue kept while offline, each in its own
 * transaction so that one refusal keeps none of the others back. Two scans of the same visitor
 * (or the same scan id) at once meet a unique key; the loser is decided again and finds the winner's lead.
 */
@ApplicationScoped
public class LeadScanner {

    public static final int MAX_BATCH = 500;

    @Inject
    Leads leads;

    public ScanResult scan(long organizationId, long exhibitionId, Leads.Scan scan, String username) {
        if (scan.code() == null || scan.code().isBlank()) {
            throw ProblemException.invalid("code", "field_required");
        }
        try {
            return leads.scan(organizationId, exhibitionId, scan, username);
        } catch (RuntimeException e) {
            if (!isUniqueKey(e)) {
                throw e;
            }
            return leads.scan(organizationId, exhibitionId, scan, username);
        }
    }

    /** Every scan's result in order; a batch naming no code or too many scans is refused whole (400). */
    public List<ScanResult> batch(long organizationId, long exhibitionId, List<Leads.Scan> scans, String username) {
        List<FieldError> errors = new ArrayList<>();
        if (scans == null || scans.isEmpty()) {
            errors.add(new FieldError("scans", "field_required"));
        } else if (scans.size() > MAX_BATCH) {
            errors.add(new FieldError("scans", "leads_batchTooLarge"));
        } else {
            for (int i = 0; i < scans.size(); i++) {
                Leads.Scan s = scans.get(i);
                if (s == null || s.code() == null || s.code().isBlank()) {
                    errors.add(new FieldError("scans[" + i + "].code", "field_required"));
                }
                if (s == null || s.scanId() == null || s.scanId().isBlank()) {
                    errors.add(new FieldError("scans[" + i + "].scanId", "field_required"));
                } else if (!Leads.isScanId(s.scanId().trim())) {
                    errors.add(new FieldError("scans[" + i + "].scanId", "leads_scanIdInvalid"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ScanResult> results = new ArrayList<>(scans.size());
        for (Leads.Scan s : scans) {
            results.add(scan(organizationId, exhibitionId, s, username));
        }
        return results;
    }

    private static boolean isUniqueKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
