package org.expodesk.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.platform.db.ServerPrepared;
import org.expodesk.platform.db.SqlErrors;
import org.expodesk.platform.db.UtcColumns;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way Expodesk sends mail: {@link #enqueue} writes the rendered mail in the caller's
 * transaction, so the mail exists exactly when the change that causes it commits; the
 * {@link MailSender} job delivers it. A key already queued adds nothing (docs/mail.md).
 */
@ApplicationScoped
public class Outbox {

    /** What {@link #enqueue} did: the mail's id, whether this call created it, and its status. */
    public record Queued(long id, boolean created, MailStatus status) {
    }

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    MailTemplates templates;

    @Inject
    Suppressions suppressions;

    @Inject
    Clock clock;

    @ConfigProperty(name = "expodesk.public-url")
    Optional<String> publicUrl;

    /** A request checked and rendered, ready for its row. */
    private record Rendered(MailRequest request, String recipient, String language, MailContent content,
                            String unsubscribeToken) {
    }

    private Rendered rendered(MailRequest request) {
        String recipient = normalize(request.recipient());
        if (!isAddress(recipient)) {
            throw new IllegalArgumentException("not a mail address: " + request.recipient());
        }
        if (request.key() == null || request.key().isBlank() || request.key().length() > 255
                || request.purpose() == null || request.purpose().isBlank() || request.purpose().length() > 100) {
            throw new IllegalArgumentException("a mail needs a key of at most 255 and a purpose of at most 100 characters");
        }
        String language = MailTemplates.language(request.language());
        Map<String, Object> data = new HashMap<>(request.data() == null ? Map.of() : request.data());
        String token = null;
        if (request.kind() == MailKind.MARKETING) {
            token = newToken();
            data.put("unsubscribeUrl", unsubscribeUrl(token));
        }
        MailContent content = withFooter(templates.render(request.template(), data), request.kind(), language, data);
        return new Rendered(request, recipient, language, content, token);
    }

    /**
     * {@link #enqueue} for several mails of keys not queued before, in one statement (the public submits a node
     * decides together, ADR 0031): the suppression list is read for all their addresses first, locking as the single
     * insert's own read of it does, and a mail it stops is stored SUPPRESSED. A key queued already fails the insert
     * (and the caller's transaction with it); mails with attachments kept apart are queued one by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Queued> enqueueAll(List<MailRequest> requests) {
        if (requests.stream().anyMatch(r -> !r.attachments().isEmpty() && onRow(r) == null)) {
            return requests.stream().map(this::enqueue).toList();
        }
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Rendered> mails = requests.stream().map(this::rendered).toList();
        if (suppressions.changedInThisTransaction()) {
            em.flush();
        }
        Instant now = Instant.now(clock);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Suppression.Reason> listed = reasonsFor(connection, mails.stream().map(Rendered::recipient)
                    .distinct().toList());
            List<Queued> queued = new ArrayList<>(mails.size());
            // a power of two of mails an insert, so that a few statements, each kept on the connection, serve
            // every count (ADR 0036)
            for (int from = 0, count; from < mails.size(); from += count) {
                count = Integer.highestOneBit(Math.min(MAILS_PER_INSERT, mails.size() - from));
                queued.addAll(insertAll(connection, mails.subList(from, from + count), listed, now));
            }
            return queued;
        });
    }

    /** The mails in one multi-row insert, each as the suppression list says; their ids, in order. */
    private static List<Queued> insertAll(Connection connection, List<Rendered> mails,
                                          Map<String, Suppression.Reason> listed, Instant now) throws SQLException {
        List<Queued> queued = new ArrayList<>(mails.size());
        // only the rows' placeholders are repeated: every value is bound; prepared on the server, so that the bodies
        // travel as bytes instead of escaped into the statement (ADR 0035)
        try (ServerPrepared.Lease lease = ServerPrepared.lease(connection, INSERT_COLUMNS + "values "
                + String.join(", ", java.util.Collections.nCopies(mails.size(), ROW_VALUES)),
                Statement.RETURN_GENERATED_KEYS)) {
            PreparedStatement insert = lease.statement();
            int at = 1;
            List<MailStatus> statuses = new ArrayList<>(mails.size());
            for (Rendered mail : mails) {
                Suppression.Reason reason = listed.get(mail.recipient());
                Suppression.Reason stops = reason != null && reason.stops(mail.request().kind()) ? reason : null;
                statuses.add(stops != null ? MailStatus.SUPPRESSED : MailStatus.PENDING);
                at = bindRow(insert, at, mail.request(), mail.recipient(), mail.language(), mail.content(),
                        mail.unsubscribeToken(), now, stops);
            }
            insert.executeUpdate();
            // a multi-row insert of known rows gets consecutive ids, the driver's generated keys in order
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (MailStatus status : statuses) {
                    if (!keys.next()) {
                        throw new IllegalStateException("fewer mail ids returned than mails inserted");
                    }
                    queued.add(new Queued(keys.getLong(1), true, status));
                }
            }
        }
        return queued;
    }

    private static final String INSERT_COLUMNS = """
            insert into mail_outbox (mail_key, purpose, exhibition_id, kind, recipient, language, subject,
                text_body, html_body, unsubscribe_token, status, attempts, next_attempt_at, last_error,
                created_at, updated_at, private_links, attachment_file_name, attachment_content_type,
                attachment_renderer, attachment_render_argument)
            """;

    /** Mails an insert carries at most: 20 placeholders each, a server-prepared statement takes 65,535. */
    private static final int MAILS_PER_INSERT = 1_024;

    private static final String ROW_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Why the list names each of these addresses, locking as {@link #reasonFor} does; those it does not are absent. */
    private static Map<String, Suppression.Reason> reasonsFor(Connection connection, List<String> recipients)
            throws SQLException {
        Map<String, Suppression.Reason> listed = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select address, reason from mail_suppression"
                + " where address in (" + String.join(", ", java.util.Collections.nCopies(recipients.size(), "?"))
                + ") lock in share mode")) {
            for (int i = 0; i < recipients.size(); i++) {
                select.setString(i + 1, recipients.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    listed.put(normalize(rows.getString(1)), Suppression.Reason.valueOf(rows.getString(2)));
                }
            }
        }
        return listed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Queued enqueue(MailRequest request) {
        Rendered rendered = rendered(request);
        String recipient = rendered.recipient();
        String language = rendered.language();
        MailContent content = rendered.content();
        String token = rendered.unsubscribeToken();
        if (suppressions.changedInThisTransaction()) {
            // the insert below reads the suppressions in SQL: what this transaction changed of them must be written first
            em.flush();
        }
        Instant now = Instant.now(clock);
        String unsubscribeToken = token;
        // plain JDBC on the transaction's connection: the insert returns the new mail's id itself, so the mail is
        // neither looked for before (the key's unique index settles a mail queued already) nor read back after,
        // and no statement makes Hibernate look through the caller's records for changes to flush first
        // (mail_outbox and mail_attachment are written by SQL alone). The suppression list is read by the insert
        // itself: a mail to a suppressed address is not inserted by it, and only then the reason is read and the
        // mail stored as SUPPRESSED (a locking read, as the insert's own read of the list is)
        return em.unwrap(Session.class).doReturningWork(connection -> {
            long id;
            Suppression.Reason suppressed = null;
            try {
                id = insert(connection, request, recipient, language, content, unsubscribeToken, now, null);
                if (id < 0) {
                    suppressed = reasonFor(connection, recipient, request.kind());
                    id = insert(connection, request, recipient, language, content, unsubscribeToken, now,
                            suppressed == null ? Optional.empty() : Optional.of(suppressed));
                }
            } catch (SQLException e) {
                if (SqlErrors.isDuplicateKey(e, KEY_INDEX)) {
                    return queued(connection, request.key());
                }
                throw e;
            }
            if (!request.attachments().isEmpty() && onRow(request) == null) {
                try (PreparedStatement attach = connection.prepareStatement("insert into mail_attachment"
                        + " (mail_id, file_name, content_type, content, renderer, render_argument) values (?, ?, ?, ?, ?, ?)")) {
                    for (MailRequest.Attachment attachment : request.attachments()) {
                        attach.setLong(1, id);
                        attach.setString(2, attachment.fileName());
                        attach.setString(3, attachment.contentType());
                        attach.setBytes(4, attachment.content());
                        attach.setString(5, attachment.renderer());
                        attach.setString(6, attachment.argument());
                        attach.addBatch();
                    }
                    attach.executeBatch();
                }
            }
            return new Queued(id, true, suppressed != null ? MailStatus.SUPPRESSED : MailStatus.PENDING);
        });
    }

    /**
     * Inserts the mail; its id. {@code suppressed} null: PENDING unless the suppression list stops this mail, and
     * then nothing is inserted and -1 returned; otherwise the mail as that says, whatever the list holds now.
     */
    private static long insert(Connection connection, MailRequest request, String recipient, String language,
                               MailContent content, String unsubscribeToken, Instant now,
                               Optional<Suppression.Reason> suppressed) throws SQLException {
        // not IGNORE, which would also turn a value the columns refuse into a warning and store it cut;
        // a duplicate key fails only this statement, and the caller's transaction goes on
        String columns = INSERT_COLUMNS;
        // FROM DUAL WHERE: MariaDB and MySQL 8 alike; the reasons that stop a mail of a kind are Suppression.Reason.stops
        String sql = suppressed == null ? columns + """
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ? from dual
                where not exists (select 1 from mail_suppression where address = ?
                    and (reason <> 'UNSUBSCRIBED' or ? = 'MARKETING'))"""
                : columns + "values " + ROW_VALUES;
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            Suppression.Reason reason = suppressed == null ? null : suppressed.orElse(null);
            bindRow(insert, 1, request, recipient, language, content, unsubscribeToken, now, reason);
            if (suppressed == null) {
                insert.setString(21, recipient);
                insert.setString(22, request.kind().name());
            }
            if (insert.executeUpdate() == 0) {
                return -1;
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Binds one row's 20 values of the insert's columns from {@code at}; the next index. */
    private static int bindRow(PreparedStatement insert, int at, MailRequest request, String recipient,
                               String language, MailContent content, String unsubscribeToken, Instant now,
                               Suppression.Reason reason) throws SQLException {
        MailRequest.Attachment onRow = onRow(request);
        insert.setString(at, request.key());
        insert.setString(at + 1, request.purpose());
        insert.setObject(at + 2, request.exhibitionId(), Types.BIGINT);
        insert.setString(at + 3, request.kind().name());
        insert.setString(at + 4, recipient);
        insert.setString(at + 5, language);
        insert.setString(at + 6, truncate(content.subject(), 500));
        insert.setString(at + 7, content.text());
        insert.setString(at + 8, content.html());
        insert.setString(at + 9, unsubscribeToken);
        insert.setString(at + 10, reason != null ? MailStatus.SUPPRESSED.name() : MailStatus.PENDING.name());
        UtcColumns.bind(insert, at + 11, now);
        insert.setString(at + 12, reason != null ? "suppressed: " + reason : null);
        UtcColumns.bind(insert, at + 13, now);
        UtcColumns.bind(insert, at + 14, now);
        insert.setBoolean(at + 15, request.privateLinks());
        insert.setString(at + 16, onRow == null ? null : onRow.fileName());
        insert.setString(at + 17, onRow == null ? null : onRow.contentType());
        insert.setString(at + 18, onRow == null ? null : onRow.renderer());
        insert.setString(at + 19, onRow == null ? null : onRow.argument());
        return at + 20;
    }

    /**
     * The mail's attachment kept on its own row (V47): its only one, when it is made at sending (how to make it, no
     * content, as a badge PDF); otherwise null and the attachments go to mail_attachment.
     */
    private static MailRequest.Attachment onRow(MailRequest request) {
        if (request.attachments().size() != 1) {
            return null;
        }
        MailRequest.Attachment only = request.attachments().get(0);
        return only.content() == null && only.renderer() != null ? only : null;
    }

    /** Why the list stops a mail of this kind to the address, or null; locking, as the insert's read of it. */
    private static Suppression.Reason reasonFor(Connection connection, String recipient, MailKind kind)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select reason from mail_suppression where address = ? lock in share mode")) {
            select.setString(1, recipient);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Suppression.Reason reason = Suppression.Reason.valueOf(row.getString(1));
                return reason.stops(kind) ? reason : null;
            }
        }
    }

    private static final String KEY_INDEX = "uk_mail_outbox_key";

    /**
     * The mail queued already under this key: its id and status. A locking read: the row may have been
     * committed by a concurrent enqueue after this transaction's snapshot was taken, which a plain read
     * would not see.
     */
    private static Queued queued(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, status from mail_outbox where mail_key = ? lock in share mode")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("a mail's key was taken, yet no mail holds it");
                }
                return new Queued(row.getLong(1), false, MailStatus.valueOf(row.getString(2)));
            }
        }
    }

    /** Puts a mail that ended without being delivered back in line, as staff asked. */
    @Transactional
    public Optional<OutboxMail> resend(long id) {
        OutboxMail mail = OutboxMail.findById(id);
        if (mail == null) {
            return Optional.empty();
        }
        if (!mail.status.resendable()) {
            throw new IllegalStateException("only a failed, bounced, uncertain or suppressed mail can be sent again");
        }
        Instant now = Instant.now(clock);
        mail.status = MailStatus.PENDING;
        mail.attempts = 0;
        mail.nextAttemptAt = now;
        mail.claimedBy = null;
        mail.claimedUntil = null;
        mail.updatedAt = now;
        return Optional.of(mail);
    }

    /**
     * Forgets what the outbox holds of these addresses (a person's erasure): mails not yet sent are
     * dropped, sent ones keep only that a mail of that purpose went out and when.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(java.util.Collection<String> addresses) {
        List<String> normalized = addresses.stream().filter(a -> a != null && !a.isBlank()).map(Outbox::normalize)
                .distinct().toList();
        if (normalized.isEmpty()) {
            return 0;
        }
        int dropped = em.createNativeQuery("delete from mail_outbox where recipient in (?1) and status <> 'SENT'")
                .setParameter(1, normalized).executeUpdate();
        int scrubbed = em.createNativeQuery("""
                        update mail_outbox set recipient = concat('erased-', id, '@invalid'), mail_key = concat('erased:', id),
                            subject = '[erased]', text_body = '[erased]', html_body = null, unsubscribe_token = null,
                            last_error = null, attachment_file_name = null, attachment_content_type = null,
                            attachment_renderer = null, attachment_render_argument = null
                        where recipient in (?1)""")
                .setParameter(1, normalized).executeUpdate();
        em.createNativeQuery("delete a from mail_attachment a join mail_outbox m on m.id = a.mail_id "
                + "where m.mail_key like 'erased:%' and m.subject = '[erased]'").executeUpdate();
        return dropped + scrubbed;
    }

    /** Whether a mail of this key is queued already (whatever became of it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isQueued(String key) {
        return OutboxMail.count("mailKey", key) > 0;
    }

    /** Whether the outbox takes this as a recipient: one @, a dot in the domain, no spaces, at most 320 characters. */
    public static boolean isAddress(String address) {
        return address != null && address.length() <= 320 && ADDRESS.matcher(address).matches();
    }

    public static String normalize(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    private MailContent withFooter(MailContent content, MailKind kind, String language, Map<String, Object> data) {
        if (kind != MailKind.MARKETING) {
            return content;
        }
        MailContent footer = templates.unsubscribeFooter(language, (String) data.get("unsubscribeUrl"));
        return new MailContent(content.subject(), content.text() + footer.text(),
                content.html() == null ? null : beforeBodyEnd(content.html(), footer.html()));
    }

    private static String beforeBodyEnd(String html, String footer) {
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
    }

    /** The page where the recipient of a marketing mail stops them (also the List-Unsubscribe header). */
    public String unsubscribeUrl(String token) {
        return publicLink("/mail/unsubscribe/" + token);
    }

    /** A link for a mail: a path on this site made absolute with {@code EXPODESK_PUBLIC_URL}; absolute links stay. */
    public String publicLink(String path) {
        if (!path.startsWith("/")) {
            return path;
        }
        String base = publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""))
                .orElse("http://localhost:8080");
        return base + path;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
