package org.expodesk.checkin;

import org.expodesk.checkin.CheckinRules.Outcome;
import org.expodesk.checkin.CheckinRules.Reason;
import org.expodesk.checkin.CheckinRules.Result;
import org.expodesk.web.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every outcome a scan can have, and every gate kind and policy, reads in English and Chinese. */
class CheckinMessagesTest {

    @Test
    void everyReasonAndResultHasATextInBothLanguages() {
        for (Reason reason : Reason.values()) {
            assertTranslated(new Outcome(Result.REJECTED, reason, null, null).messageKey());
        }
        for (Result result : Result.values()) {
            assertTranslated(new Outcome(result, null, null, null).messageKey());
        }
        for (GateKind kind : GateKind.values()) {
            assertTranslated("gate_kind_" + kind.name());
        }
        for (EntryPolicy policy : EntryPolicy.values()) {
            assertTranslated("gate_policy_" + policy.name());
        }
        assertThat(Messages.text(Messages.ENGLISH, "checkin_alreadyAt", "north", "10:02")).contains("north").contains("10:02");
        assertThat(Messages.text(Messages.CHINESE, "checkin_alreadyAt", "north", "10:02")).contains("north").contains("10:02");
    }

    private static void assertTranslated(String key) {
        for (Locale locale : Messages.SUPPORTED) {
            assertThat(Messages.bundle(locale).containsKey(key)).as(key + " " + locale).isTrue();
        }
        assertThat(Messages.text(Messages.CHINESE, key)).as(key).isNotEqualTo(Messages.text(Messages.ENGLISH, key));
    }
}
