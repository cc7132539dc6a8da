package org.expodesk.mail;

/**
 * Where a mail of the outbox stands.
 * <ul>
 * <li>PENDING: waiting for its next attempt ({@code next_attempt_at});</li>
 * <li>CLAIMED: taken by a sender with others of its batch, not yet handed to the SMTP server;</li>
 * <li>SENDING: being handed to the SMTP server now;</li>
 * <li>SENT, BOUNCED (the server refused it for good), FAILED (no try left), SUPPRESSED (the address
 * gets no such mail): final until someone re-sends it;</li>
 * <li>UNCERTAIN: its sender stopped while the SMTP server had it; whether it arrived is unknown,
 * so it is not sent again by itself (ADR 0009).</li>
 * </ul>
 */
public enum MailStatus {
    PENDING, CLAIMED, SENDING, SENT, BOUNCED, FAILED, SUPPRESSED, UNCERTAIN;

    /** Ended without reaching the recipient (or perhaps so): staff may put it back in line. */
    public boolean resendable() {
        return this == FAILED || this == BOUNCED || this == UNCERTAIN || this == SUPPRESSED;
    }

    /** The status named, in any case; empty for a blank name, {@code IllegalArgumentException} for an unknown one. */
    public static java.util.Optional<MailStatus> parse(String name) {
        if (name == null || name.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    public String labelKey() {
        return "mail_status_" + name();
    }
}
