package org.expodesk.badge;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff page of an edition's badges, as form posts: list, print, revoke with a reason; staff only. */
@QuarkusTest
class BadgesPageTest {

    @Test
    void staffListRevokeWithAReasonAndPrintAnEditionsBadges() {
        long edition = TestExhibitions.june2027();
        Badge kept = TestBadges.issue(edition, TestBadges.person(null), "Page Keeper", null, null).badge();
        Badge revoked = TestBadges.issue(edition, TestBadges.person(null), "张三丰", null, "武当山贸易").badge();
        TestUser staff = TestUsers.staff();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        String base = "/exhibitions/" + edition + "/badges";

        assertThat(page.get(base).asString()).contains("Page Keeper", "张三丰", "武当山贸易",
                "data-testid=\"badge-revoke-" + revoked.id + "\"");

        Response refused = page.post(base + "/" + revoked.id + "/revoke", Map.of("reason", "  "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-reason\"");
        assertThat(TestBadges.badges().state(revoked.id)).contains(BadgeState.VALID);

        assertThat(page.post(base + "/" + revoked.id + "/revoke", Map.of("reason", "Lost at the gate")).statusCode())
                .isEqualTo(303);
        assertThat(TestBadges.badges().get(revoked.id).stateReason).isEqualTo("Lost at the gate");
        String revokedList = page.get(base + "?state=REVOKED").asString();
        assertThat(revokedList).contains("张三丰", "Lost at the gate").doesNotContain("Page Keeper")
                .doesNotContain("data-testid=\"badge-revoke-" + revoked.id + "\"");

        Response pdf = page.get(base + "/" + kept.id + "/badge.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        long otherEdition = TestExhibitions.june2027();
        assertThat(page.get("/exhibitions/" + otherEdition + "/badges/" + kept.id + "/badge.pdf").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anExhibitorMayNotOpenTheStaffPage() {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        Badge own = TestBadges.issue(edition, TestBadges.person(org), "Own Person", org, "Own").badge();
        TestUser exhibitor = TestUsers.exhibitor(org);
        BrowserSession page = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());

        assertThat(page.get("/exhibitions/" + edition + "/badges").statusCode()).isEqualTo(403);
        assertThat(page.post("/exhibitions/" + edition + "/badges/" + own.id + "/revoke", Map.of("reason", "x"))
                .statusCode()).isEqualTo(403);
        assertThat(TestBadges.badges().state(own.id)).contains(BadgeState.VALID);
    }
}
