package org.expodesk.party.imports.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.party.imports.ImportKind;
import org.expodesk.party.imports.ImportRun;
import org.expodesk.party.imports.Imports;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Translated names of imports' values: {@code {run.status.label}}, {@code {error.message.said}}. */
@TemplateExtension
public final class ImportLabels {

    private ImportLabels() {
    }

    static String label(ImportRun.Status s, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "party_import_status_" + s.name());
    }

    static String label(ImportKind k, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "party_import_kind_" + k.name());
    }

    /** A stored message key in the reader's language; plain text as it is. */
    static String said(String message, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Imports.text(MessageExtensions.locale(locale), message);
    }
}
