package org.expodesk.badge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.mail.AttachmentRenderer;

/**
 * A badge's PDF attached to a mail, made when the mail is sent: a registration queues its
 * confirmation with the badge's id instead of a rendered PDF, which keeps the rendering and tens of
 * kilobytes of blob out of the registering transaction (docs/mail.md). The PDF shows the badge as it
 * is when the mail goes out.
 */
@ApplicationScoped
public class BadgePdfAttachments implements AttachmentRenderer {

    public static final String NAME = "badge-pdf";

    @Inject
    BadgePdfs pdfs;

    @Inject
    Badges badges;

    /** What {@link #render} reads back: the badge's id and the layout. */
    public static String argument(long badgeId, BadgePdfs.Layout layout) {
        return badgeId + ":" + layout.name();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The badge's PDF; if it was reissued since (a name fixed), the one that replaced it. A revoked
     * badge is not sent: the mail fails, visibly to staff, rather than carry a code the gate refuses.
     */
    @Override
    @Transactional
    public byte[] render(String argument) {
        int colon = argument.indexOf(':');
        Badge badge = badges.current(badges.get(Long.parseLong(argument.substring(0, colon))));
        if (badge.state != BadgeState.VALID) {
            throw new IllegalStateException("badge " + badge.id + " is " + badge.state + ", not sent");
        }
        return pdfs.one(badge, BadgePdfs.Layout.valueOf(argument.substring(colon + 1)));
    }
}
