package org.expodesk.mail;

/**
 * The Qute sources of one mail in one language: a subject, a plain-text part, and an optional
 * HTML part. Rules keep theirs in the database; built-in mails load theirs with
 * {@link MailTemplates#builtIn(String, java.util.Locale)}.
 */
public record MailTemplate(String subject, String text, String html) {

    public MailTemplate {
        if (subject == null || subject.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a mail template needs a subject and a text part");
        }
        html = html == null || html.isBlank() ? null : html;
    }
}
