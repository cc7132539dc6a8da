package org.expodesk.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mail to queue. {@code key} identifies the mail for good: a second request with the same key
 * queues nothing, so callers build it from what makes the mail unique, e.g.
 * {@link #keyOf(String, Long, String)} for "this rule, this edition, this recipient".
 */
public record MailRequest(String key, String purpose, Long exhibitionId, MailKind kind, String recipient,
                          Locale language, MailTemplate template, Map<String, Object> data,
                          List<Attachment> attachments, boolean privateLinks) {

    /** Either the file ({@code content}) or how the sender makes it ({@code renderer} and its {@code argument}). */
    public record Attachment(String fileName, String contentType, byte[] content, String renderer, String argument) {

        public Attachment(String fileName, String contentType, byte[] content) {
            this(fileName, contentType, content, null, null);
        }
    }

    public static MailRequest transactional(String key, String purpose, String recipient, Locale language,
                                            MailTemplate template, Map<String, Object> data) {
        return new MailRequest(key, purpose, null, MailKind.TRANSACTIONAL, recipient, language, template, data, List.of(),
                false);
    }

    public static MailRequest marketing(String key, String purpose, String recipient, Locale language,
                                        MailTemplate template, Map<String, Object> data) {
        return new MailRequest(key, purpose, null, MailKind.MARKETING, recipient, language, template, data, List.of(),
                false);
    }

    /** The key of "one mail per purpose, edition and recipient". */
    public static String keyOf(String purpose, Long exhibitionId, String recipient) {
        return purpose + "|" + (exhibitionId == null ? "-" : exhibitionId) + "|" + Outbox.normalize(recipient);
    }

    public MailRequest forExhibition(Long id) {
        return new MailRequest(key, purpose, id, kind, recipient, language, template, data, attachments, privateLinks);
    }

    public MailRequest attach(String fileName, String contentType, byte[] content) {
        List<Attachment> all = new java.util.ArrayList<>(attachments);
        all.add(new Attachment(fileName, contentType, content));
        return new MailRequest(key, purpose, exhibitionId, kind, recipient, language, template, data, List.copyOf(all),
                privateLinks);
    }

    /** An attachment made when the mail is sent, by the {@link AttachmentRenderer} of that name. */
    public MailRequest attachRendered(String fileName, String contentType, String renderer, String argument) {
        List<Attachment> all = new java.util.ArrayList<>(attachments);
        all.add(new Attachment(fileName, contentType, null, renderer, argument));
        return new MailRequest(key, purpose, exhibitionId, kind, recipient, language, template, data, List.copyOf(all),
                privateLinks);
    }

    /**
     * The mail carries a link that works for whoever holds it (a confirmation or setup link, a badge
     * download, a survey link): sent as written, but masked for staff reading the outbox.
     */
    public MailRequest withPrivateLinks() {
        return new MailRequest(key, purpose, exhibitionId, kind, recipient, language, template, data, attachments, true);
    }
}
