package org.expodesk.plan.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.plan.TaskAction;
import org.expodesk.plan.TaskState;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Translated names of the control loop's states and actions: {@code {task.state.label}}. */
@TemplateExtension
public final class PlanLabels {

    private PlanLabels() {
    }

    static String label(TaskState state, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "taskState_" + state.name());
    }

    static String label(org.expodesk.plan.RiskState state, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "riskState_" + state.name());
    }

    static String label(TaskAction action, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "taskAction_" + action.name());
    }
}
