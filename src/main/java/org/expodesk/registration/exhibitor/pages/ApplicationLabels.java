package org.expodesk.registration.exhibitor.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.BoothType;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Application statuses and booth types in the reader's language: {@code {application.status.label}}. */
@TemplateExtension
public final class ApplicationLabels {

    private ApplicationLabels() {
    }

    static String label(ApplicationStatus status, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "application_status_" + status.name());
    }

    static String label(BoothType type, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "application_boothType_" + type.name());
    }
}
