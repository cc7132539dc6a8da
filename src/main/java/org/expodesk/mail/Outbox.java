package org.expodesk.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public Queued enqueue(MailRequest request) {
        String recipient = normalize(request.recipient());
        if (!isAddress(recipient)) {
            throw new IllegalArgumentException("not a mail address: " + request.recipient());
        }
        if (request.key() == null || request.key().isBlank() || request.key().length() > 255
                || request.purpose() == null || request.purpose().isBlank() || request.purpose().length() > 100) {
            throw new IllegalArgumentException("a mail needs a key of at most 255 and a purpose of at most 100 characters");
        }
        Optional<Queued> existing = queued(request.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        String language = MailTemplates.language(request.language());
        Map<String, Object> data = new HashMap<>(request.data() == null ? Map.of() : request.data());
        String token = null;
        if (request.kind() == MailKind.MARKETING) {
            token = newToken();
            data.put("unsubscribeUrl", unsubscribeUrl(token));
        }
        MailContent content = withFooter(templates.render(request.template(), data), request.kind(), language, data);
        Optional<Suppression.Reason> suppressed = suppressions.reasonFor(recipient)
                .filter(reason -> reason.stops(request.kind()));
        Instant now = Instant.now(clock);
        // IGNORE: a concurrent enqueue of the same key waits for ours and then adds nothing; every
        // other value is checked above, so the unique key is the only thing it can ignore
        int inserted = em.createNativeQuery("""
                        insert ignore into mail_outbox (mail_key, purpose, exhibition_id, kind, recipient, language, subject,
                            text_body, html_body, unsubscribe_token, status, attempts, next_attempt_at, last_error,
                            created_at, updated_at, private_links)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?13, ?12, ?12, ?14)""")
                // the table it writes: Hibernate flushes first only what touches it, not every pending change
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "mail_outbox")
                .setParameter(1, request.key())
                .setParameter(2, request.purpose())
                .setParameter(3, request.exhibitionId())
                .setParameter(4, request.kind().name())
                .setParameter(5, recipient)
                .setParameter(6, language)
                .setParameter(7, truncate(content.subject(), 500))
                .setParameter(8, content.text())
                .setParameter(9, content.html())
                .setParameter(10, token)
                .setParameter(11, suppressed.isPresent() ? MailStatus.SUPPRESSED.name() : MailStatus.PENDING.name())
                .setParameter(12, now)
                .setParameter(13, suppressed.map(reason -> "suppressed: " + reason).orElse(null))
                .setParameter(14, request.privateLinks())
                .executeUpdate();
        Queued mail = queued(request.key()).orElseThrow();
        if (inserted == 1) {
            for (MailRequest.Attachment attachment : request.attachments()) {
                MailAttachment row = new MailAttachment();
                row.mailId = mail.id();
                row.fileName = attachment.fileName();
                row.contentType = attachment.contentType();
                row.content = attachment.content();
                row.renderer = attachment.renderer();
                row.renderArgument = attachment.argument();
                row.persist();
            }
        }
        return new Queued(mail.id(), inserted == 1, mail.status());
    }

    /**
     * The mail of this key, if queued: its id and status only, not the whole mail as a record that every later
     * flush of the caller's transaction would compare (its bodies are long).
     */
    private Optional<Queued> queued(String key) {
        List<?> rows = em.createNativeQuery("select id, status from mail_outbox where mail_key = ?1")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "mail_outbox")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Queued(((Number) row[0]).longValue(), false, MailStatus.valueOf((String) row[1])));
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
                            last_error = null
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
