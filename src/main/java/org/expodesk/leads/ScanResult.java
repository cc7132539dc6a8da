package org.expodesk.leads;

/**
 * What became of one scan: a new lead, the lead the visitor already was, or a refusal with its
 * reason (a {@code leads_reason_*} message: the badge code's verification result, or UNKNOWN,
 * REVOKED, SUPERSEDED for the badge itself).
 */
public record ScanResult(String scanId, Outcome outcome, String reason, Long leadId) {

    public enum Outcome { CREATED, EXISTING, REFUSED }

    static ScanResult refused(String scanId, String reason) {
        return new ScanResult(scanId, Outcome.REFUSED, reason, null);
    }
}
