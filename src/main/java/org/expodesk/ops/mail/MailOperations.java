package org.expodesk.ops.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.mail.Outbox;
import org.expodesk.mail.OutboxMail;
import org.expodesk.mail.Suppression;
import org.expodesk.mail.Suppressions;
import org.expodesk.platform.problem.ProblemException;

/** What staff do to the outbox and the suppression list, audited. */
@ApplicationScoped
public class MailOperations {

    @Inject
    Outbox outbox;

    @Inject
    Suppressions suppressions;

    @Inject
    AuditLog audit;

    public OutboxMail mail(long id) {
        OutboxMail mail = OutboxMail.findById(id);
        if (mail == null) {
            throw ProblemException.notFound("mail");
        }
        return mail;
    }

    @Transactional
    public OutboxMail resend(long id) {
        OutboxMail mail;
        try {
            mail = outbox.resend(id).orElseThrow(() -> ProblemException.notFound("mail"));
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("mail_resendNotPossible");
        }
        audit.record(AuditAction.UPDATE, "MailOutbox", String.valueOf(id), "sent again by staff");
        return mail;
    }

    @Transactional
    public Suppression block(String address, String detail) {
        suppressions.suppress(address, Suppression.Reason.BLOCKED, detail);
        audit.record(AuditAction.CREATE, "MailSuppression", null, "address blocked");
        return Suppression.findById(Outbox.normalize(address));
    }

    @Transactional
    public void lift(String address) {
        if (!suppressions.lift(address)) {
            throw ProblemException.notFound("suppression");
        }
        audit.record(AuditAction.DELETE, "MailSuppression", null, "suppression lifted");
    }
}
