package org.expodesk.party;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.Browser;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** The review queue, the merge screen and undo, as staff use them in the browser. */
@QuarkusTest
class ReviewPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void staffCompareTwoLikelyDuplicatesPickAValueMergeAndUndo() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long existing = organization("Ningbo Valve" + unique + " Co., Ltd.", "+86 574 8765 0001");
        interaction(existing, "Asked for a corner booth");
        long incoming = organization("Ningbo Valve" + unique, "+86 574 8765 0002");
        interaction(incoming, "Sent the price list");

        TestUser staff = TestUsers.staff();
        try (BrowserContext english = Browser.newContext("en-GB")) {
            Page page = Browser.signIn(english, base.toString(), staff.username(), staff.password());
            page.navigate(base + "customers/review?q=" + unique);
            var pair = page.getByTestId("review-pair");
            assertThat(pair).hasCount(1);
            assertThat(pair).containsText("Ningbo Valve" + unique);
            pair.getByTestId("compare").click();

            assertThat(page.locator("h1")).hasText("Merge two organizations");
            assertThat(page.getByTestId("merge-field-phone")).containsText("+86 574 8765 0002");
            page.getByTestId("take-phone").check();
            page.getByTestId("do-merge").click();

            assertThat(page.locator("h1")).hasText("Ningbo Valve" + unique + " Co., Ltd.");
            Api.asAdmin().get("/api/organizations/" + existing).then().body("phone", equalTo("+86 574 8765 0002"));
            Api.asAdmin().get("/api/organizations/" + existing + "/interactions").then()
                    .body("summary", containsInAnyOrder("Asked for a corner booth", "Sent the price list"));
            // the merged record's page leads to the one that was kept
            page.navigate(base + "customers/organizations/" + incoming);
            assertThat(page.locator("h1")).hasText("Ningbo Valve" + unique + " Co., Ltd.");

            page.navigate(base + "customers/review");
            var merge = page.getByTestId("merge-row").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Ningbo Valve" + unique + " Co., Ltd."));
            merge.getByTestId("undo-merge").click();
            assertThat(page.locator(".flash")).containsText("The merge is undone");
        }
        Api.asAdmin().get("/api/organizations/" + existing).then().body("phone", equalTo("+86 574 8765 0001"));
        Api.asAdmin().get("/api/organizations/" + existing + "/interactions").then()
                .body("summary", contains("Asked for a corner booth"));
        Api.asAdmin().get("/api/organizations/" + incoming + "/interactions").then()
                .body("summary", contains("Sent the price list"));
    }

    @Test
    void inChineseStaffFindLookalikesByHandAndSayTwoRecordsAreDifferent() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long first = organization("杭州" + unique + "纺织有限公司", null);
        long second = organization("杭州" + unique + "纺织", null);

        TestUser staff = TestUsers.staff();
        try (BrowserContext chinese = Browser.newContext("zh-CN")) {
            Page page = Browser.signIn(chinese, base.toString(), staff.username(), staff.password());
            page.navigate(base + "customers/organizations/" + first);
            page.getByTestId("find-duplicates").click();
            assertThat(page.getByTestId("lookalikes")).containsText("杭州" + unique + "纺织");
            assertThat(page.getByTestId("lookalikes").getByTestId("compare")).hasAttribute("href",
                    "/customers/review/merge?kind=organizations&survivor=" + first + "&duplicate=" + second);

            page.navigate(base + "customers/review?q=" + unique);
            assertThat(page.locator("h2").first()).hasText("疑似重复记录");
            assertThat(page.getByTestId("review-pair")).containsText("名称相似");
            page.getByTestId("review-pair").getByTestId("dismiss").click();
            assertThat(page.locator(".flash")).containsText("已标记为两条不同的记录");
            assertThat(page.getByTestId("review-empty")).isVisible();
        }
        Api.asAdmin().get("/api/dedup/candidates").then()
                .body("items.findAll { it.record == " + second + " }.status", org.hamcrest.Matchers.empty());
    }

    @Test
    void staffMergeTwoRecordsOfOnePersonFromThePeopleQueueAndUndoIt() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long company = TestOrganizations.create("Foshan Ceramics" + unique);
        long kept = person("Zhang" + unique, "Wei", "Buyer", company);
        long merged = person("Zhang" + unique, "Wei", "Purchasing manager", company);
        Api.asAdmin().body(Map.of("party", "person:" + merged, "kind", "call", "summary", "Wants samples " + unique))
                .post("/api/interactions").then().statusCode(201);

        TestUser staff = TestUsers.staff();
        try (BrowserContext english = Browser.newContext("en-GB")) {
            Page page = Browser.signIn(english, base.toString(), staff.username(), staff.password());
            page.navigate(base + "customers/review?kind=people&q=zhang" + unique);
            var pair = page.getByTestId("review-pair");
            assertThat(pair).hasCount(1);
            pair.getByTestId("compare").click();
            assertThat(page.locator("h1")).hasText("Merge two people");
            assertThat(page.getByTestId("merge-field-jobTitle")).containsText("Purchasing manager");
            page.getByTestId("take-jobTitle").check();
            page.getByTestId("do-merge").click();

            assertThat(page.locator("h1")).hasText("Wei Zhang" + unique);
            Api.asAdmin().get("/api/people/" + kept).then().body("jobTitle", equalTo("Purchasing manager"));
            Api.asAdmin().get("/api/people/" + kept + "/interactions").then()
                    .body("summary", contains("Wants samples " + unique));

            page.navigate(base + "customers/review?kind=people");
            // the whole-database scan, started and followed in the page until it is done
            page.getByTestId("start-scan").click();
            assertThat(page.getByTestId("scan-status")).hasText("Last scan finished.",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
            page.getByTestId("merge-row").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Zhang" + unique)).first().getByTestId("undo-merge").click();
            assertThat(page.locator(".flash")).containsText("The merge is undone");
        }
        Api.asAdmin().get("/api/people/" + kept).then().body("jobTitle", equalTo("Buyer"));
        Api.asAdmin().get("/api/people/" + merged + "/interactions").then()
                .body("summary", contains("Wants samples " + unique));
    }

    @Test
    void exhibitorsCannotOpenTheReviewQueueOrMergeAnything() {
        long own = TestOrganizations.create();
        long other = TestOrganizations.create();
        TestUser exhibitor = TestUsers.exhibitor(own);
        BrowserSession session = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        session.get("/customers/review").then().statusCode(403);
        session.get("/customers/review/organizations/" + other).then().statusCode(403);
        session.get("/customers/review?kind=people").then().statusCode(403);
        session.get("/customers/review/merge?survivor=" + own + "&duplicate=" + other).then().statusCode(403);
        session.post("/customers/review/merge", Map.of("survivor", String.valueOf(own), "duplicate",
                String.valueOf(other))).then().statusCode(403);
        Api.asAdmin().get("/api/organizations/" + other).then().statusCode(200);
    }

    private static long organization(String name, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "country", "CN", "city", "Ningbo"));
        if (phone != null) {
            body.put("phone", phone);
        }
        return ((Number) Api.asAdmin().body(body).post("/api/organizations").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static long person(String family, String given, String jobTitle, long organization) {
        return ((Number) Api.asAdmin().body(Map.of("familyName", family, "givenName", given, "jobTitle", jobTitle,
                "organization", organization)).post("/api/people").then().statusCode(201).extract().path("id")).longValue();
    }

    private static void interaction(long organization, String summary) {
        Api.asAdmin().body(Map.of("party", "organization:" + organization, "kind", "call", "summary", summary))
                .post("/api/interactions").then().statusCode(201);
    }
}
