package org.expodesk.followup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-up pages as form posts: refusals keep what was typed, state changes, who may see them. */
@QuarkusTest
class FollowUpPagesTest {

    @Test
    void aTemplateThatCannotBeFilledIsShownAgainWithItsErrorAndWhatWasTypedAndNothingIsSaved() {
        TestUser staff = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        assertThat(page.get("/exhibitions/" + exhibition + "/followup/new?kind=exhibitor-thanks").asString())
                .contains("Thank you for exhibiting at {exhibition}");

        Map<String, String> form = new HashMap<>(Map.of("kind", "exhibitor-thanks", "name", "Thanks after the show",
                "anchor", "CLOSING", "offsetDays", "2", "subjectEn", "Thanks {name}", "textEn", "Dear {nmae}, see you.",
                "subjectZh", "感谢", "textZh", "您好，{name}"));
        Response refused = page.post("/exhibitions/" + exhibition + "/followup", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-textEn\"").contains("Dear {nmae}, see you.")
                .contains("Thanks after the show");
        assertThat((Integer) Api.asAdmin().get("/api/exhibitions/" + exhibition + "/followup-rules").then().extract()
                .path("total")).isZero();

        form.put("textEn", "Dear {name}, see you.");
        form.put("offsetDays", "two");
        assertThat(page.post("/exhibitions/" + exhibition + "/followup", form).asString())
                .contains("data-testid=\"error-offsetDays\"");
        form.put("offsetDays", "2");
        assertThat(page.post("/exhibitions/" + exhibition + "/followup", form).statusCode()).isEqualTo(303);
        long rule = ((Number) Api.asAdmin().get("/api/exhibitions/" + exhibition + "/followup-rules").then().extract()
                .path("items[0].id")).longValue();

        String shown = page.get("/exhibitions/" + exhibition + "/followup/" + rule).asString();
        assertThat(shown).contains("data-testid=\"dry-run-count\"").contains("data-testid=\"enable-rule\"");
        assertThat(page.post("/exhibitions/" + exhibition + "/followup/" + rule + "/enable",
                Map.of("enabled", "true", "version", "0")).statusCode()).isEqualTo(303);
        assertThat(page.post("/exhibitions/" + exhibition + "/followup/" + rule + "/enable",
                Map.of("enabled", "false", "version", "0")).statusCode()).isEqualTo(409);
        assertThat(page.post("/exhibitions/" + exhibition + "/followup/" + rule + "/run", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(page.get("/exhibitions/" + exhibition + "/followup").asString()).contains("Thanks after the show")
                .contains("2027-06-19");
        assertThat(page.get("/exhibitions/" + exhibition).asString()).contains("data-testid=\"followup-link\"");
    }

    @Test
    void exhibitorsCannotSeeThePages() {
        long exhibition = TestExhibitions.june2027();
        long rule = TestRules.rule(exhibition, "exhibitor-thanks", "CLOSING", 1, false);
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        BrowserSession page = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        assertThat(page.get("/exhibitions/" + exhibition + "/followup").statusCode()).isEqualTo(403);
        assertThat(page.get("/exhibitions/" + exhibition + "/followup/" + rule).statusCode()).isEqualTo(403);
    }
}
