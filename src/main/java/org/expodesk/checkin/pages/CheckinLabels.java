package org.expodesk.checkin.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.checkin.EntryPolicy;
import org.expodesk.checkin.Gate;
import org.expodesk.checkin.GateKind;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

import java.util.Set;

/** Check-in's values in the reader's language: {@code {kind.label}}, {@code {policy.label}}, {@code {gate.zonesText}}. */
@TemplateExtension
public final class CheckinLabels {

    private CheckinLabels() {
    }

    static String label(GateKind kind, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "gate_kind_" + kind.name());
    }

    static String label(EntryPolicy policy, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(MessageExtensions.locale(locale), "gate_policy_" + policy.name());
    }

    static String zonesText(Gate gate) {
        return text(gate.zones);
    }

    static String categoriesText(Gate gate) {
        return text(gate.categories);
    }

    static String text(Set<String> codes) {
        return String.join(", ", codes);
    }
}
