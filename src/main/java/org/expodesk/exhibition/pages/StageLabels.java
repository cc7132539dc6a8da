package org.expodesk.exhibition.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.exhibition.Stage;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** {@code {stage.label}}: the name staff gave the stage, else its default name in the page's language. */
@TemplateExtension
public final class StageLabels {

    private StageLabels() {
    }

    static String label(Stage stage, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (stage.name != null && !stage.name.isBlank()) {
            return stage.name;
        }
        return Messages.text(MessageExtensions.locale(locale), "stage_" + stage.code);
    }
}
