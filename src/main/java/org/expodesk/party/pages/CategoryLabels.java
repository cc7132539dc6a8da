package org.expodesk.party.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.party.category.ProductCategory;
import org.expodesk.party.followup.FollowUps;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Product categories and follow-up groups in the reader's language: {@code {category.label}}. */
@TemplateExtension
public final class CategoryLabels {

    private CategoryLabels() {
    }

    static String label(ProductCategory c, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return c.name(MessageExtensions.locale(locale));
    }

    static String label(FollowUps.Due due, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "party_due_" + due.name());
    }
}
