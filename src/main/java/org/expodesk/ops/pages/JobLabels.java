package org.expodesk.ops.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.ops.JobOutcome;
import org.expodesk.ops.JobState;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Job states and run outcomes in the reader's language: {@code {job.state.label}}. */
@TemplateExtension
public final class JobLabels {

    private JobLabels() {
    }

    static String label(JobState state, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "jobs_state_" + state.name());
    }

    static String label(JobOutcome outcome, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "jobs_outcome_" + outcome.name());
    }
}
