package org.expodesk.registration.exhibitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailTemplates;
import org.expodesk.mail.Outbox;
import org.expodesk.web.i18n.Messages;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The mails an applicant gets: the confirmation link, and each staff decision. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ApplicationMails {

    public static final String PURPOSE = "exhibitor-application";

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    void confirmLink(ExhibitorApplication a, Exhibition edition, String token) {
        Map<String, Object> data = common(a, edition);
        data.put("confirmLink", outbox.publicLink("/exhibit/confirm/" + token));
        send(a, "exhibitor-application-confirm", PURPOSE + ":" + a.id + ":confirm", data, true);
    }

    /** {@code setupToken}: the secret of the account made with this decision (an approval), or null. */
    void decision(ExhibitorApplication a, Exhibition edition, String setupToken) {
        Map<String, Object> data = common(a, edition);
        data.put("setupLink", setupToken == null ? "" : outbox.publicLink("/setup?token=" + setupToken));
        data.put("status", a.status.name());
        data.put("reason", a.decisionReason == null ? "" : a.decisionReason);
        data.put("question", a.question == null ? "" : a.question);
        data.put("portalLink", outbox.publicLink("/portal"));
        // every decision is a mail of its own, also a second question after an answer
        send(a, "exhibitor-application-decision", PURPOSE + ":" + a.id + ":decision:" + a.version, data,
                setupToken != null);
    }

    private void send(ExhibitorApplication a, String template, String key, Map<String, Object> data,
                      boolean privateLinks) {
        Locale language = Messages.forTag(a.language);
        MailRequest request = MailRequest.transactional(key, PURPOSE, a.email, language,
                templates.builtIn(template, language), data).forExhibition(a.exhibitionId);
        outbox.enqueue(privateLinks ? request.withPrivateLinks() : request);
    }

    private static Map<String, Object> common(ExhibitorApplication a, Exhibition edition) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", a.contactName());
        data.put("company", a.legalName);
        data.put("exhibition", edition.name);
        return data;
    }
}
