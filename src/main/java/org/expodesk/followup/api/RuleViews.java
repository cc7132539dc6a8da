package org.expodesk.followup.api;

import org.expodesk.followup.FollowUpRule;
import org.expodesk.followup.FollowUpRules;
import org.expodesk.followup.RuleKind;

import java.time.Instant;
import java.time.LocalDate;

/** How the API shows follow-up rules and kinds. */
public final class RuleViews {

    public record RuleView(long id, long exhibition, String kind, String name, String anchor, int offsetDays,
                           LocalDate dueDay, boolean enabled, FollowUpRules.Templates templates, Instant lastRunAt,
                           Integer lastRunCount, long version) {

        static RuleView of(FollowUpRule r, LocalDate dueDay) {
            return new RuleView(r.id, r.exhibitionId, r.kind, r.name, r.anchor.name(), r.offsetDays, dueDay, r.enabled,
                    new FollowUpRules.Templates(part(r, "en"), part(r, "zh")), r.lastRunAt, r.lastRunCount, r.version);
        }

        private static FollowUpRules.Part part(FollowUpRule r, String language) {
            var t = r.template(language);
            return new FollowUpRules.Part(t.subject(), t.text(), t.html());
        }
    }

    public record KindView(String key, String mailKind, boolean daily, FollowUpRules.Templates templates) {

        static KindView of(RuleKind k, FollowUpRules.Templates templates) {
            return new KindView(k.key(), k.mailKind().name(), k.daily(), templates);
        }
    }

    private RuleViews() {
    }
}
