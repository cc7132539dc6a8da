package org.expodesk.followup.survey.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.followup.survey.SurveyAspect;
import org.expodesk.followup.survey.Surveys;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Survey aspects and sides of the show in the reader's language: {@code {aspect.label}}, {@code {side.label}}. */
@TemplateExtension
public final class SurveyLabels {

    private SurveyLabels() {
    }

    static String label(SurveyAspect aspect, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return aspect.label(MessageExtensions.locale(locale));
    }

    static String label(Surveys.Side side, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "survey_side_" + side.name());
    }

    /** The form field of an aspect's score, also the key of its error. */
    static String field(SurveyAspect aspect) {
        return "score-" + aspect.id;
    }
}
