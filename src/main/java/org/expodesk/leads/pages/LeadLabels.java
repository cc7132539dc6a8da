package org.expodesk.leads.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.leads.LeadRating;
import org.expodesk.leads.QuestionKind;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Lead values in the reader's language: {@code {lead.rating.label}}, {@code {question.kind.label}}. */
@TemplateExtension
public final class LeadLabels {

    private LeadLabels() {
    }

    static String label(LeadRating rating, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "leads_rating_" + rating.name());
    }

    static String label(QuestionKind kind, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "leads_kind_" + kind.name());
    }
}
