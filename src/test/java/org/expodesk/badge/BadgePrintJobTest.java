package org.expodesk.badge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.expodesk.badge.print.BadgePrintJob;
import org.expodesk.badge.print.BadgePrinter;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Batch printing as a background job: progress, one PDF of all chosen badges, kept for a while, staff only. */
@QuarkusTest
class BadgePrintJobTest {

    @Test
    void aJobOverAnExhibitorsBadgesEndsDoneWithAPdfOfOnePagePerBadge() throws Exception {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        int n = 7;
        for (int i = 0; i < n; i++) {
            TestBadges.issue(edition, TestBadges.person(org), i == 0 ? "王小明" : "Printed Holder " + i, org, "Print Co");
        }
        // another organization's badge of the same category is not in the batch
        TestBadges.issue(edition, TestBadges.person(null), "Someone Else", null, null);
        // a revoked badge is not printed
        Badge revoked = TestBadges.issue(edition, TestBadges.person(org), "Revoked Holder", org, "Print Co").badge();
        TestBadges.badges().revoke(revoked.id, "lost", "test");

        Response started = Api.asAdmin().body(Map.of("organization", org, "layout", "LABEL_4X3"))
                .post("/api/exhibitions/" + edition + "/badge-print-jobs");
        started.then().statusCode(202).body("total", equalTo(n)).body("layout", equalTo("LABEL_4X3"))
                .body("download", nullValue());
        long job = started.jsonPath().getLong("id");
        assertThat(started.header("Location")).endsWith("/api/badge-print-jobs/" + job);

        Map<String, Object> done = awaitFinished(job);
        assertThat(done).containsEntry("status", "DONE").containsEntry("progress", 100).containsEntry("done", n)
                .containsEntry("download", "/api/badge-print-jobs/" + job + "/badges.pdf");
        byte[] pdf = Api.asAdmin().get("/api/badge-print-jobs/" + job + "/badges.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(n);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(288f);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("王小明", "Printed Holder 6").doesNotContain("Someone Else", "Revoked Holder");
        }
        Api.asAdmin().get("/api/exhibitions/" + edition + "/badge-print-jobs").then().statusCode(200)
                .body("id", hasItem((int) job));
        // the PDF names people: its download is audited like an export
        Api.asAdmin().queryParam("action", "EXPORT").queryParam("entityType", "Badge").get("/api/audit").then()
                .statusCode(200).body("items.detail", hasItem("pdf, print job " + job + " of exhibition " + edition
                        + ", badges=" + n));
    }

    @Test
    void aPdfPastItsTimeIsDroppedAndTheJobSaysSo() {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        TestBadges.issue(edition, TestBadges.person(org), "Short Lived", org, "Expiry Co");
        long job = Api.asAdmin().body(Map.of("organization", org, "category", "professional"))
                .post("/api/exhibitions/" + edition + "/badge-print-jobs").then().statusCode(202)
                .body("category", equalTo("PROFESSIONAL")).body("layout", equalTo("A6")).extract().jsonPath().getLong("id");
        assertThat(awaitFinished(job)).containsEntry("status", "DONE");
        QuarkusTransaction.requiringNew().run(() -> BadgePrintJob.<BadgePrintJob>findById(job).expiresAt =
                Instant.now().minusSeconds(1));
        io.quarkus.arc.Arc.container().instance(BadgePrinter.class).get().sweep();
        Api.asAdmin().get("/api/badge-print-jobs/" + job).then().statusCode(200).body("status", equalTo("EXPIRED"))
                .body("download", nullValue());
        Api.asAdmin().get("/api/badge-print-jobs/" + job + "/badges.pdf").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void badChoicesAreRefusedAndExhibitorsAndAnonymousCannotPrint() {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        TestBadges.issue(edition, TestBadges.person(org), "Guarded Holder", org, "Guard Co");
        String path = "/api/exhibitions/" + edition + "/badge-print-jobs";
        Api.asAdmin().body(Map.of()).post(path).then().statusCode(400).body("errors[0].field", equalTo("category"));
        Api.asAdmin().body(Map.of("category", "bad code!", "layout", "A3")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("category")).body("errors.field", hasItem("layout"));
        Api.asAdmin().body(Map.of("category", "NOBODY")).post(path).then().statusCode(422);
        Api.asAdmin().body(Map.of("organization", org)).post("/api/exhibitions/99999999/badge-print-jobs").then()
                .statusCode(404);

        long job = Api.asAdmin().body(Map.of("organization", org)).post(path).then().statusCode(202).extract().jsonPath()
                .getLong("id");
        String exhibitor = TestUsers.exhibitor(org).token();
        Api.as(exhibitor).body(Map.of("organization", org)).post(path).then().statusCode(403);
        Api.as(exhibitor).get(path).then().statusCode(403);
        Api.as(exhibitor).get("/api/badge-print-jobs/" + job).then().statusCode(403);
        Api.as(exhibitor).get("/api/badge-print-jobs/" + job + "/badges.pdf").then().statusCode(403);
        given().get("/api/badge-print-jobs/" + job).then().statusCode(401);
        given().contentType("application/json").body(Map.of("organization", org)).post(path).then().statusCode(401);
        Api.asAdmin().get("/api/badge-print-jobs/99999999").then().statusCode(404);
        awaitFinished(job);
    }

    @Test
    void staffStartAPrintFromTheBadgesPageAndFollowItsProgressToTheDownload() {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        TestBadges.issue(edition, TestBadges.person(org), "Page Printed", org, "Page Print Co");
        TestUsers.TestUser staff = TestUsers.staff();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        String base = "/exhibitions/" + edition + "/badges";
        assertThat(page.get(base).asString()).contains("data-testid=\"print-form\"", "Page Print Co");

        Response refused = page.post(base + "/print", Map.of("category", "", "organization", "", "layout", "A6"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-print-category\"");

        Map<String, String> form = new HashMap<>(Map.of("category", "PROFESSIONAL", "organization", String.valueOf(org),
                "layout", "A6"));
        Response started = page.post(base + "/print", form);
        assertThat(started.statusCode()).isEqualTo(303);
        String jobPage = started.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(jobPage).startsWith(base + "/print/");
        long job = Long.parseLong(jobPage.substring(jobPage.lastIndexOf('/') + 1));
        assertThat(page.get(jobPage).asString()).contains("data-testid=\"print-progress\"");
        awaitFinished(job);
        String progress = page.get(jobPage + "/progress").asString();
        assertThat(progress).contains("data-testid=\"print-download\"").doesNotContain("hx-get");
        Response pdf = page.get(jobPage + "/badges.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        // another edition's path does not reach the job
        assertThat(page.get("/exhibitions/" + TestExhibitions.june2027() + "/badges/print/" + job).statusCode())
                .isEqualTo(404);
        assertThat(page.get(base).asString()).contains("data-testid=\"print-job-" + job + "\"");
    }

    static Map<String, Object> awaitFinished(long job) {
        for (int i = 0; i < 1200; i++) {
            Map<String, Object> status = Api.asAdmin().get("/api/badge-print-jobs/" + job).then().statusCode(200)
                    .extract().path("");
            if ("DONE".equals(status.get("status")) || "FAILED".equals(status.get("status"))) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Print job " + job + " did not finish");
    }
}
