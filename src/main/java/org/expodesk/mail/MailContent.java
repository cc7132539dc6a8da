package org.expodesk.mail;

/** A rendered mail: what the recipient reads. */
public record MailContent(String subject, String text, String html) {
}
