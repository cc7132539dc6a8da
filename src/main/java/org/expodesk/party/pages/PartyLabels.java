package org.expodesk.party.pages;

import io.quarkus.qute.TemplateExtension;
import org.expodesk.party.InteractionKind;
import org.expodesk.party.ParticipationRole;
import org.expodesk.party.PartySearch;
import org.expodesk.party.TicketKind;
import org.expodesk.party.Verification;
import org.expodesk.web.i18n.MessageExtensions;
import org.expodesk.web.i18n.Messages;

/** Translated names of the customer database's values: {@code {organization.verification.label}}. */
@TemplateExtension
public final class PartyLabels {

    private PartyLabels() {
    }

    static String label(Verification v, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_verification_" + v.name());
    }

    static String label(ParticipationRole r, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_role_" + r.name());
    }

    static String label(InteractionKind k, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_kind_" + k.name());
    }

    static String label(TicketKind k, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_ticket_" + k.name());
    }

    static String label(org.expodesk.party.TicketStatus s, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_ticketStatus_" + s.name());
    }

    static String label(org.expodesk.party.CreditStatus c, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_creditStatus_" + c.name());
    }

    static String creditStatusLabel(org.expodesk.party.Organization o,
                                    @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return o.creditStatus == null ? "" : text(locale, "party_creditStatus_" + o.creditStatus);
    }

    static String typeLabel(PartySearch.Hit hit, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_type_" + hit.type());
    }

    /** A review score as a whole percentage: 0.8734 is "87%". */
    static String percent(java.math.BigDecimal score) {
        return score.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String scorePercent(ReviewPage.Lookalike match) {
        return percent(java.math.BigDecimal.valueOf(match.score()));
    }

    /**
     * The matcher's reasons ("same credit code, name 0.93") in the reader's language; the matchers
     * store them in English words, one phrase per piece of evidence.
     */
    static String reasonsLabel(String reasons, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return reasonsLabel(java.util.Arrays.asList(reasons.split(",\\s*")), locale);
    }

    static String reasonsLabel(java.util.List<String> reasons,
                               @TemplateExtension.TemplateAttribute("locale") Object locale) {
        java.util.List<String> shown = new java.util.ArrayList<>();
        for (String reason : reasons) {
            String r = reason.trim();
            if (r.startsWith("name ")) {
                shown.add(text(locale, "party_reason_name", r.substring(5)));
            } else {
                String key = "party_reason_" + r.replace("e-mail", "email").replace(' ', '_');
                shown.add(Messages.has(key) ? text(locale, key) : r);
            }
        }
        return String.join(text(locale, "party_reason_separator"), shown);
    }

    /** The translated name of a mergeable field ({@code OrganizationMerge.FIELDS}). */
    static String mergeFieldLabel(String field, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return text(locale, "party_field_" + field);
    }

    private static String text(Object locale, String key, Object... args) {
        return Messages.text(MessageExtensions.locale(locale), key, args);
    }
}
