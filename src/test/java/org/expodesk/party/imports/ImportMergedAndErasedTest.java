package org.expodesk.party.imports;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.party.imports.ImportTestFiles.csv;
import static org.expodesk.party.imports.ImportTestFiles.importAndWait;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Imports meet merged, staff-kept and erased people: the right record, only gaps, and nothing remembered. */
@QuarkusTest
class ImportMergedAndErasedTest {

    @Test
    void aRowWithAMergedAwayAddressReachesTheSurvivorAndFillsOnlyItsGaps() {
        String u = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long company = TestOrganizations.create("Merged Import " + u + " AG");
        long kept = person(Map.of("familyName", "Keller" + u, "givenName", "Per", "email", "per" + u + "@example.se",
                "organization", company));
        long gone = person(Map.of("familyName", "Keller" + u, "givenName", "P.", "email", "p.keller" + u + "@example.se"));
        Api.asAdmin().body(Map.of("duplicate", gone)).post("/api/people/" + kept + "/merge").then().statusCode(200);

        String file = csv(List.of(List.of("familyName", "givenName", "email", "jobTitle", "phone"),
                List.of("Keller" + u, "Pelle", "p.keller" + u + "@example.se", "Buyer", "+46 70 123 45 67")));
        Map<String, Object> report = importAndWait(file.getBytes(StandardCharsets.UTF_8), "merged-" + u + ".csv",
                "people", Map.of());
        assertThat(report.get("created")).isEqualTo(0);

        // staff's own spelling stays; what was missing is filled in, with its E.164 form
        Api.asAdmin().get("/api/people/" + kept).then().body("givenName", equalTo("Per"))
                .body("jobTitle", equalTo("Buyer"));
        Api.asAdmin().get("/api/people/" + gone).then().body("jobTitle", nullValue());
        Api.asAdmin().queryParam("q", "+46701234567").get("/api/search").then()
                .body("items.findAll { it.type == 'person' }.id", org.hamcrest.Matchers.hasItem((int) kept));
    }

    @Test
    void aCompanyNamedInAPeopleFileIsTheOneAlreadyThereNotANewDuplicate() {
        String u = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long company = TestOrganizations.create("Referenced " + u + " Trading GmbH");
        String file = csv(List.of(List.of("familyName", "givenName", "email", "organization"),
                List.of("Brandt" + u, "Jonas", "jonas" + u + "@example.de", "Referenced " + u + " Trading"),
                List.of("Brandt" + u, "Lena", "lena" + u + "@example.de", "REFERENCED " + u + " TRADING GMBH")));
        Map<String, Object> report = importAndWait(file.getBytes(StandardCharsets.UTF_8), "ref-" + u + ".csv", "people",
                Map.of());
        assertThat(report.get("created")).isEqualTo(2);
        assertThat(report.get("needsReview")).isEqualTo(0);
        Api.asAdmin().get("/api/organizations/" + company + "/people").then()
                .body("givenName", org.hamcrest.Matchers.containsInAnyOrder("Jonas", "Lena"));
        Api.asAdmin().queryParam("q", "referenced " + u).get("/api/search").then()
                .body("items.findAll { it.type == 'organization' }", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void anErasedPersonLeavesNoFingerprintSoTheirRowIsNotRecognisedAgain() {
        String u = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String file = csv(List.of(List.of("familyName", "givenName", "email"),
                List.of("Forget" + u, "Me", "forget" + u + "@example.org")));
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> first = importAndWait(bytes, "erase-" + u + ".csv", "people", Map.of());
        assertThat(first.get("created")).isEqualTo(1);
        long id = ((Number) Api.asAdmin().queryParam("q", "forget" + u + "@example.org").get("/api/search").then()
                .extract().path("items[0].id")).longValue();
        Api.asAdmin().body(Map.of("reason", "asked")).post("/api/people/" + id + "/erase").then().statusCode(200);

        Map<String, Object> again = importAndWait(bytes, "erase-again-" + u + ".csv", "people", Map.of());
        assertThat(again.get("unchanged")).isEqualTo(0);
        Api.asAdmin().get("/api/people/" + id).then().body("name", equalTo("Erased"));
    }

    private static long person(Map<String, Object> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(201).extract().path("id"))
                .longValue();
    }
}
