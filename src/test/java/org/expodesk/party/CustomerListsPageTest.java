package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The lists of all organizations and all people: filters narrow them, pages walk them, only staff see them. */
@QuarkusTest
class CustomerListsPageTest {

    @Test
    void filtersNarrowTheOrganizationListAndThePagerKeepsThem() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        for (int i = 0; i < 55; i++) {
            Api.asAdmin().body(Map.of("name", "Listed" + unique + " Trading " + i, "country", "DE", "industry", "Textiles",
                    "tags", i % 2 == 0 ? "vip" + unique : "plain")).post("/api/organizations").then().statusCode(201);
        }
        Api.asAdmin().body(Map.of("name", "Listed" + unique + " Japan", "country", "JP")).post("/api/organizations")
                .then().statusCode(201);
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());

        String first = session.get("/customers/lists/organizations?name=listed" + unique + "&country=de").then()
                .statusCode(200).body(containsString("55 found")).body(not(containsString("Listed" + unique + " Japan")))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(first).contains("page=1&amp;name=listed" + unique + "&amp;country=de");
        session.get("/customers/lists/organizations?page=1&name=listed" + unique + "&country=de").then()
                .body(containsString("Page 2 of 2"));
        session.get("/customers/lists/organizations?name=listed" + unique + "&tag=VIP" + unique).then()
                .body(containsString("28 found")).body(containsString("Listed" + unique + " Trading 54"))
                .body(not(containsString("Listed" + unique + " Trading 53<")));
        // the download is the list as filtered, every page of it
        String csv = session.get("/customers/exports/organizations.csv?name=listed" + unique + "&country=de").then()
                .statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv.lines().filter(l -> l.contains("Listed" + unique))).hasSize(55);
        org.assertj.core.api.Assertions.assertThat(csv).doesNotContain("Listed" + unique + " Japan");
        session.get("/customers/lists/organizations?country=Germany").then().statusCode(200)
                .body(containsString("data-testid=\"error-country\""));
    }

    @Test
    void peopleAreFoundByTheirNameInEitherOrderWithTheirCompany() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long company = TestOrganizations.create("Lister" + unique + " GmbH");
        long anna = ((Number) Api.asAdmin().body(Map.of("familyName", "Schmidt" + unique, "givenName", "Anna",
                "organization", company)).post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        long twin = ((Number) Api.asAdmin().body(Map.of("familyName", "Schmidt" + unique, "givenName", "Anna",
                "organization", company)).post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        long erased = ((Number) Api.asAdmin().body(Map.of("familyName", "Schmidt" + unique, "givenName", "Annabel",
                "organization", company))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        // a merged-away duplicate and a person erased on request are in no list
        Api.asAdmin().body(Map.of("duplicate", twin)).post("/api/people/" + anna + "/merge").then().statusCode(200);
        Api.asAdmin().body(Map.of("reason", "asked by e-mail")).post("/api/people/" + erased + "/erase").then()
                .statusCode(200);
        TestUser staff = TestUsers.staff();
        BrowserSession.signedIn(staff.username(), staff.password())
                .get("/customers/lists/people?name=anna schmidt" + unique).then().statusCode(200)
                .body(containsString("1 found")).body(containsString("Lister" + unique + " GmbH"));
        String export = Api.asAdmin().queryParam("organization", company).get("/api/people/export.csv").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(export.lines().skip(1)).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(export).contains("Schmidt" + unique).doesNotContain("Erased");
    }

    @Test
    void exhibitorsSeeNeitherList() {
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        BrowserSession session = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        session.get("/customers/lists/organizations").then().statusCode(403);
        session.get("/customers/lists/people").then().statusCode(403);
    }
}
