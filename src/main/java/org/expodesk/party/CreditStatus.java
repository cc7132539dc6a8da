package org.expodesk.party;

/**
 * How far the organizer trusts an organization to pay (staff only): booth sales and receivables
 * will read it; none set means not assessed.
 */
public enum CreditStatus {
    /** Pays on the usual terms. */
    GOOD,
    /** Paid late before: watch the receivables. */
    WATCH,
    /** Only against payment in advance. */
    PREPAY_ONLY,
    /** No new business. */
    BLOCKED
}
