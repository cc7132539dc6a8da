package org.expodesk.mail;

/**
 * How one hand-over to the SMTP server ended. {@code SERVER_DOWN} is not the mail's fault (no
 * server, no connection, a timeout): the mail waits without losing a try.
 */
public record Delivery(Outcome outcome, String detail) {

    public enum Outcome { SENT, REFUSED_FOR_GOOD, ADDRESS_REFUSED, REFUSED_FOR_NOW, SERVER_DOWN }

    public static final Delivery SENT = new Delivery(Outcome.SENT, null);

    private static final String NOT_CONNECTED = "no connection: ";

    /** An attachment made at sending failed: the mail is tried again later, and fails after its last try. */
    public static Delivery notMade(Throwable failure) {
        return new Delivery(Outcome.REFUSED_FOR_NOW, brief("attachment not made: " + failure.getClass().getSimpleName()
                + ": " + failure.getMessage()));
    }

    /**
     * Reads an exception of the mail client. A reply from the server decides: 550, 551 and 553 refuse
     * the address (a bounce), other 5xx refuse this mail, 4xx ask to come back later; without a
     * reply the server was not reached. 421 is the server closing the connection (shutting down, or
     * tired of waiting on a connection it held open), not a word on this mail: like a broken
     * connection, it costs the mail no try.
     */
    public static Delivery of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.ext.mail.SMTPException smtp) {
                int code = smtp.getReplyCode();
                String detail = brief(smtp.getMessage());
                if (code == 550 || code == 551 || code == 553) {
                    return new Delivery(Outcome.ADDRESS_REFUSED, detail);
                }
                if (code == 421) {
                    return new Delivery(Outcome.SERVER_DOWN, detail);
                }
                if (code >= 500) {
                    return new Delivery(Outcome.REFUSED_FOR_GOOD, detail);
                }
                if (code >= 400) {
                    return new Delivery(Outcome.REFUSED_FOR_NOW, detail);
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return new Delivery(Outcome.SERVER_DOWN, NOT_CONNECTED + brief(t.getMessage()));
            }
        }
        return new Delivery(Outcome.SERVER_DOWN, brief(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    /** True when no connection to the server could be opened at all (refused, unknown host, no route). */
    public boolean notConnected() {
        return outcome == Outcome.SERVER_DOWN && detail != null && detail.startsWith(NOT_CONNECTED);
    }

    private static String brief(String message) {
        if (message == null) {
            return null;
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 1000 ? oneLine : oneLine.substring(0, 1000);
    }
}
