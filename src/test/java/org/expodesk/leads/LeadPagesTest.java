package org.expodesk.leads;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's lead pages without a script: forms, their errors, the owner rule, and the staff counts page. */
@QuarkusTest
class LeadPagesTest {

    @Test
    void formsSaveAndABadOneIsShownAgainWithItsErrorsLosingNothing() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Form", true);
        BrowserSession session = BrowserSession.signedIn(booth.user().username(), booth.user().password());
        String leads = "/portal/leads/" + exhibition;

        // the scan form without its script: the lead opens
        session.get(leads + "/scan");
        Response scanned = session.post(leads + "/scan", Map.of("code", visitor.code()));
        assertThat(scanned.statusCode()).isEqualTo(303);
        String lead = scanned.header("Location").replaceAll("^https?://[^/]+", "");
        assertThat(lead).matches(leads + "/\\d+");
        session.get(leads + "/scan");
        Response forged = session.post(leads + "/scan", Map.of("code", "XD:NOT-A-BADGE"));
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body().asString()).contains("Not a badge code of this show");

        session.get(leads);
        Response badQuestion = session.post(leads + "/questions", Map.of("kind", "CHOICE", "label", "Budget",
                "choices", "just one"));
        assertThat(badQuestion.statusCode()).isEqualTo(400);
        assertThat(badQuestion.body().asString()).contains("Give between 2 and 12 choices").contains("value=\"Budget\"");
        assertThat(session.post(leads + "/questions", Map.of("kind", "YES_NO", "label", "Wants samples",
                "choices", "")).statusCode()).isEqualTo(303);

        String page = session.get(lead).body().asString();
        assertThat(page).contains(visitor.name()).contains(visitor.email()).contains("Wants samples");
        String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        String question = page.replaceAll("(?s).*name=\"(answer-\\d+)\".*", "$1");
        Response bad = session.post(lead, Map.of("version", version, "rating", "HOT", "notes", "Keep this note",
                "tags", "x".repeat(41), question, "YES"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("Up to 20 tags").contains("Keep this note");
        assertThat(session.post(lead, Map.of("version", version, "rating", "HOT", "notes", "Keep this note",
                "tags", "lanterns", question, "YES")).statusCode()).isEqualTo(303);
        assertThat(session.get(lead).body().asString()).contains("Keep this note").contains("lanterns");
        // the same form again, now stale
        Response stale = session.post(lead, Map.of("version", version, "notes", "Overwrite"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body().asString()).contains("changed meanwhile");

        // exports from the page
        assertThat(session.get(leads + "/export.csv").body().asString()).contains(visitor.email());

        // another exhibitor of the edition: not found
        TestLeads.Booth rival = TestLeads.booth(exhibition);
        BrowserSession other = BrowserSession.signedIn(rival.user().username(), rival.user().password());
        assertThat(other.get(lead).statusCode()).isEqualTo(404);
        assertThat(other.get(leads).body().asString()).doesNotContain(visitor.name());
    }

    @Test
    void staffSeeCountsPerExhibitorAndNeverTheNotes() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Counted", true);
        long lead = ((Number) Api.as(booth.token()).body(Map.of("code", visitor.code()))
                .post("/api/exhibitions/" + exhibition + "/leads").then().statusCode(201).extract().path("lead.id"))
                .longValue();
        Api.as(booth.token()).body(Map.of("version", 0, "notes", "Secret margin"))
                .patch("/api/exhibitions/" + exhibition + "/leads/" + lead).then().statusCode(200);
        var staff = TestUsers.staff();
        String page = BrowserSession.signedIn(staff.username(), staff.password())
                .get("/exhibitions/" + exhibition + "/leads").body().asString();
        assertThat(page).contains(booth.name()).contains("data-testid=\"lead-total\">1<")
                .doesNotContain("Secret margin").doesNotContain(visitor.name());
        assertThat(BrowserSession.signedIn(booth.user().username(), booth.user().password())
                .get("/exhibitions/" + exhibition + "/leads").statusCode()).isEqualTo(403);
        // staff have no portal
        assertThat(BrowserSession.signedIn(staff.username(), staff.password())
                .get("/portal/leads/" + exhibition).statusCode()).isEqualTo(403);
    }
}
