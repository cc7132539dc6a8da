package org.expodesk.party.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.party.Consent;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Translated names of consent purposes and channels: {@code {consent.purpose.label}}. */
@TemplateExtension
public final class ConsentLabels {

    private ConsentLabels() {
    }

    static String label(Consent.Purpose p, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "party_consentPurpose_" + p.name());
    }

    static String label(Consent.Channel c, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "party_consentChannel_" + c.name());
    }
}
