package org.expodesk.web.i18n;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.account.Role;

/** Translated labels of values that pages show: {@code {user.role.label}}. */
@TemplateExtension
public final class LabelExtensions {

    private LabelExtensions() {
    }

    static String label(Role role, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.asLocale(locale), "role_" + role.name());
    }
}
