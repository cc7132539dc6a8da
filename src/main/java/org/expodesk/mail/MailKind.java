package org.expodesk.mail;

/**
 * What a mail is for. A MARKETING mail carries an unsubscribe link and is not sent to an address
 * that unsubscribed; a TRANSACTIONAL mail (a badge, a sign-in link) is still sent to it.
 */
public enum MailKind { TRANSACTIONAL, MARKETING }
