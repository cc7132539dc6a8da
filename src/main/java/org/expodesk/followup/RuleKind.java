package org.expodesk.followup;

import org.expodesk.exhibition.Exhibition;
import org.expodesk.mail.MailKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a follow-up rule sends and to whom. Each kind is a CDI bean; the runner and the pages know
 * only this interface, so a later feature (leads, check-in, registration, receivables) adds a kind
 * by adding one bean and its built-in templates in {@code templates/mail/followup-<key>/}.
 */
public interface RuleKind {

    /** Stable name, stored in rules: only ever add. */
    String key();

    MailKind mailKind();

    /**
     * A daily digest goes out every day from the rule's due day to the edition's closing day, one a
     * day per recipient; any other rule fires on its due day only.
     */
    default boolean daily() {
        return false;
    }

    /** Data of the same shape as a real recipient's, to check a template when it is saved. */
    Map<String, Object> sampleData();

    /**
     * Whom the rule reaches on {@code day}, each with the data of their mail. A recipient without a
     * mail address is listed with a null address (counted in the dry run, not sent).
     */
    List<Recipient> recipients(Exhibition exhibition, LocalDate day);

    /**
     * Data known only when the mail is really queued, such as a single-use link that must not be
     * issued again for a mail already queued. Called in the queueing transaction, for recipients
     * whose mail is not queued yet; empty leaves the recipient out of this run.
     */
    default Optional<Map<String, Object>> atQueueing(Exhibition exhibition, Recipient recipient) {
        return Optional.of(Map.of());
    }

    /** True when the mails carry a link that works for whoever holds it (a survey link): masked on the outbox page. */
    default boolean privateLinks() {
        return false;
    }

    /** The name of the built-in templates a new rule of this kind starts from. */
    default String templateName() {
        return "followup-" + key();
    }

    /**
     * One recipient: address (null when unknown), language, the template data, whether they refused
     * this kind of mail (e.g. withdrew marketing consent): then they are counted, not mailed, and the
     * occasion of the mail when an address gets one per occasion rather than one per rule (or day):
     * a deadline's reminder is one per recipient and deadline (null: none).
     */
    record Recipient(String address, Locale language, Map<String, Object> data, boolean refused, String occasion) {

        public Recipient(String address, Locale language, Map<String, Object> data) {
            this(address, language, data, false, null);
        }

        public Recipient(String address, Locale language, Map<String, Object> data, boolean refused) {
            this(address, language, data, refused, null);
        }

        public static Locale languageOf(String tag) {
            return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE
                    : Locale.ENGLISH;
        }
    }
}
