package org.expodesk.mail;

/**
 * Makes an attachment's file when its mail is sent, so that the transaction queueing the mail
 * stores a reference instead of the file (a badge PDF on every registration). A CDI bean per kind
 * of file; the sender finds it by {@link #name()}, which is stored with the attachment.
 */
public interface AttachmentRenderer {

    /** Stable name, stored with queued attachments: only ever add. */
    String name();

    /** The file for {@code argument}; runs in the sender, outside any transaction of the caller. */
    byte[] render(String argument);
}
