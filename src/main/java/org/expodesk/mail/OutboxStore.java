package org.expodesk.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The sender's moves on the outbox, each one short statement committed at once (plain JDBC:
 * the sender must not hold a transaction while it talks to the SMTP server). Every move is
 * conditional on the claim it belongs to, so a sender whose claim was taken back cannot deliver
 * a mail another sender has.
 */
@ApplicationScoped
public class OutboxStore {

    /** A claimed mail with what the sender needs to deliver it. */
    public record Claimed(long id, MailKind kind, String recipient, String subject, String text, String html,
                          String unsubscribeToken, int attempts, List<Attached> attachments,
                          Suppression.Reason suppressed) {
    }

    /** A file, or ({@code content} null) what makes it when sent. */
    public record Attached(String fileName, String contentType, byte[] content, String renderer, String argument) {
    }

    @Inject
    DataSource dataSource;

    /**
     * A connection in READ COMMITTED, for the statements that find their rows by status or claim
     * rather than by id (putting back what a stopped sender left, claiming, releasing a claim):
     * they then lock only the rows they change, not the gaps of the status index that other
     * nodes' claims and hand-overs write into; under REPEATABLE READ they deadlocked now and then.
     * The per-mail updates go by id and lock one row either way, so they keep the pool's default.
     */
    private Connection rowsByStatus() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** Puts the untried mails of a claim back, when its sender cannot go on with them. */
    public void releaseClaim(String claim, Instant now) throws SQLException {
        try (Connection c = rowsByStatus()) {
            update(c, "update mail_outbox set status = 'PENDING', claimed_by = null, claimed_until = null, updated_at = ? "
                    + "where claimed_by = ? and status = 'CLAIMED'", now, claim);
        }
    }

    /**
     * Puts back what senders that stopped left behind; returns how many mails became UNCERTAIN.
     * It finds them with a plain read and changes them by id, so it locks only the rows it puts
     * back (a range update over the status index deadlocked now and then with another node's
     * claim); each update repeats the condition, so a mail another sender finished meanwhile stays.
     */
    public int recover(Instant now) throws SQLException {
        try (Connection c = rowsByStatus()) {
            List<Long> claimed = new ArrayList<>();
            List<Long> sending = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select id, status from mail_outbox "
                    + "where status in ('CLAIMED', 'SENDING') and claimed_until < ? order by id")) {
                select.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ("CLAIMED".equals(rs.getString(2)) ? claimed : sending).add(rs.getLong(1));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                List<Object> args = new ArrayList<>(List.of(now, now));
                args.addAll(claimed);
                update(c, "update mail_outbox set status = 'PENDING', claimed_by = null, claimed_until = null, updated_at = ? "
                        + "where status = 'CLAIMED' and claimed_until < ? and id in (" + placeholders(claimed.size()) + ")",
                        args.toArray());
            }
            if (sending.isEmpty()) {
                return 0;
            }
            List<Object> args = new ArrayList<>(List.of(now, now));
            args.addAll(sending);
            return update(c, "update mail_outbox set status = 'UNCERTAIN', claimed_until = null, updated_at = ?, "
                    + "last_error = 'the sender stopped while handing it to the SMTP server' "
                    + "where status = 'SENDING' and claimed_until < ? and id in (" + placeholders(sending.size()) + ")",
                    args.toArray());
        }
    }

    /** Takes up to {@code limit} due mails for this claim; other senders skip them. */
    public List<Claimed> claim(String claim, int limit, Instant now, Instant until) throws SQLException {
        try (Connection c = rowsByStatus()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(
                        "select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ? "
                                + "order by next_attempt_at, id limit ? for update skip locked")) {
                    select.setTimestamp(1, Timestamp.from(now));
                    select.setInt(2, limit);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    return List.of();
                }
                String in = placeholders(ids.size());
                List<Object> args = new ArrayList<>(List.of(claim, until, now));
                args.addAll(ids);
                update(c, "update mail_outbox set status = 'CLAIMED', claimed_by = ?, claimed_until = ?, updated_at = ? "
                        + "where id in (" + in + ")", args.toArray());
                c.commit();
                return load(c, ids);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The gate before the SMTP server: false when the claim is no longer this sender's. */
    public boolean startSending(long id, String claim, Instant now, Instant until) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return update(c, "update mail_outbox set status = 'SENDING', claimed_until = ?, updated_at = ? "
                    + "where id = ? and status = 'CLAIMED' and claimed_by = ?", until, now, id, claim) == 1;
        }
    }

    public void sent(long id, String claim, Instant now) throws SQLException {
        finish(id, claim, now, "status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null", now);
    }

    public void bounced(long id, String claim, Instant now, String error) throws SQLException {
        finish(id, claim, now, "status = 'BOUNCED', attempts = attempts + 1, last_error = ?", error);
    }

    public void suppressed(long id, String claim, Instant now, String reason) throws SQLException {
        finish(id, claim, now, "status = 'SUPPRESSED', last_error = ?", reason);
    }

    /** A refusal for this mail: try again at {@code next}, or FAILED when it was the last try. */
    public void refused(long id, String claim, Instant now, String error, Instant next, boolean lastTry) throws SQLException {
        if (lastTry) {
            finish(id, claim, now, "status = 'FAILED', attempts = attempts + 1, last_error = ?", error);
        } else {
            finishAgain(id, claim, now, "status = 'PENDING', attempts = attempts + 1, last_error = ?, next_attempt_at = ?",
                    error, next);
        }
    }

    /** The server could not be reached: the mail waits, and the try is not counted against it. */
    public void release(long id, String claim, Instant now, String error, Instant next) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            update(c, "update mail_outbox set status = 'PENDING', claimed_by = null, claimed_until = null, "
                    + "last_error = ?, next_attempt_at = ?, updated_at = ? "
                    + "where id = ? and status in ('CLAIMED', 'SENDING') and claimed_by = ?", error, next, now, id, claim);
        }
    }

    private void finish(long id, String claim, Instant now, String set, Object setValue) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            update(c, "update mail_outbox set " + set + ", claimed_until = null, updated_at = ? "
                    + "where id = ? and status in ('CLAIMED', 'SENDING', 'UNCERTAIN') and claimed_by = ?",
                    setValue, now, id, claim);
        }
    }

    private void finishAgain(long id, String claim, Instant now, String set, Object error, Object next) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            update(c, "update mail_outbox set " + set + ", claimed_by = null, claimed_until = null, updated_at = ? "
                    + "where id = ? and status in ('CLAIMED', 'SENDING') and claimed_by = ?", error, next, now, id, claim);
        }
    }

    private List<Claimed> load(Connection c, List<Long> ids) throws SQLException {
        String in = placeholders(ids.size());
        Map<Long, List<Attached>> attachments = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select mail_id, file_name, content_type, content, renderer, render_argument from mail_attachment"
                        + " where mail_id in (" + in + ") order by id")) {
            bind(select, ids.toArray());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    attachments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Attached(rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getString(5),
                                    rs.getString(6)));
                }
            }
        }
        Map<String, Suppression.Reason> suppressed = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("select s.address, s.reason from mail_suppression s "
                + "join mail_outbox m on m.recipient = s.address where m.id in (" + in + ")")) {
            bind(select, ids.toArray());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    suppressed.put(rs.getString(1), Suppression.Reason.valueOf(rs.getString(2)));
                }
            }
        }
        List<Claimed> claimed = new ArrayList<>(ids.size());
        try (PreparedStatement select = c.prepareStatement(
                "select id, kind, recipient, subject, text_body, html_body, unsubscribe_token, attempts, "
                        + "attachment_file_name, attachment_content_type, attachment_renderer, attachment_render_argument "
                        + "from mail_outbox where id in (" + in + ") order by id")) {
            bind(select, ids.toArray());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String recipient = rs.getString(3);
                    if (rs.getString(11) != null) {
                        // the one attachment made at sending, kept on the mail's row (V47)
                        attachments.computeIfAbsent(id, k -> new ArrayList<>()).add(0, new Attached(rs.getString(9),
                                rs.getString(10), null, rs.getString(11), rs.getString(12)));
                    }
                    claimed.add(new Claimed(id, MailKind.valueOf(rs.getString(2)), recipient, rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                            attachments.getOrDefault(id, List.of()), suppressed.get(recipient)));
                }
            }
        }
        return claimed;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    private static String placeholders(int n) {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }
}
