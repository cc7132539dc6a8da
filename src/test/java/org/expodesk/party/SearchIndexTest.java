package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The search index stays right through create, rename, merge, undo and erasure (docs/search.md). */
@QuarkusTest
class SearchIndexTest {

    /** Ten Han characters for the digits, so that every test's Chinese name is its own. */
    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";

    @Test
    void aChineseNameIsFoundByAnyTwoOrMoreCharactersInsideIt() {
        String han = han(System.nanoTime() % 1_000_000_000L);
        long org = org(Map.of("name", "杭州" + han + "丝绸绸缎有限公司", "country", "CN"));
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "欧阳", "givenName", han))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();

        for (String q : List.of(han.substring(3, 5), han.substring(2, 7), "州" + han.substring(0, 2), han + "丝绸",
                "杭州" + han + "丝绸股份有限公司")) {
            search(q).body("items.findAll { it.type == 'organization' }.id", hasItem((int) org));
        }
        for (String q : List.of(han.substring(4, 6), "阳" + han.substring(0, 3), "欧阳" + han)) {
            search(q).body("items.findAll { it.type == 'person' }.id", hasItem((int) person));
        }
        // 丝绸 and 绸缎 are both in the name, but not 丝绸缎
        search(han.substring(6) + "丝绸缎").body("items.id", not(hasItem((int) org)));
    }

    @Test
    void latinWordsAreFoundByTheirStartAndPhonesByTheirStartOrEnd() {
        String u = String.valueOf(10_000_000 + System.nanoTime() % 10_000_000);
        long org = org(Map.of("name", "Nordlicht" + u + " Maschinenbau GmbH", "country", "DE",
                "phone", "+49 89 " + u.substring(0, 4) + " " + u.substring(4)));
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "Zhang", "givenName", "Wei" + u,
                        "phone", "+86 755 " + u))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();

        for (String q : List.of("nordlicht" + u, "NORDLICHT" + u.substring(0, 3), "maschinenbau nordlicht" + u,
                "+49 89 " + u, "089 " + u, u.substring(2))) {
            search(q).body("items.findAll { it.type == 'organization' }.id", hasItem((int) org));
        }
        for (String q : List.of("zhang wei" + u, "wei" + u, "zhangwei" + u, "0755 " + u, "86755" + u.substring(0, 5))) {
            search(q).body("items.findAll { it.type == 'person' }.id", hasItem((int) person));
        }
        search("licht" + u).body("items.id", not(hasItem((int) org)));
    }

    @Test
    void aMergedOrganizationIsNotFoundUntilItsMergeIsUndoneAndTheSurvivorUnderItsNewName() {
        String u = String.valueOf(10_000_000 + System.nanoTime() % 10_000_000);
        long survivor = org(Map.of("name", "Heronsgate" + u + " Trading Ltd", "country", "GB"));
        long duplicate = org(Map.of("name", "Heronsgate" + u + " Holdings", "country", "GB",
                "phone", "+44 20 7946 " + u.substring(4)));
        search("heronsgate" + u + " holdings").body("items.id", hasItem((int) duplicate));

        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", duplicate, "take", List.of("name")))
                .post("/api/organizations/" + survivor + "/merge").then().statusCode(200)
                .extract().path("merge")).longValue();
        search("heronsgate" + u + " holdings").body("items.id", hasItem((int) survivor))
                .body("items.id", not(hasItem((int) duplicate)));
        search("heronsgate" + u + " trading").body("total", equalTo(0));
        // the survivor took the duplicate's phone, which now finds the survivor only
        search("+44 20 7946 " + u.substring(4)).body("items.id", hasItem((int) survivor))
                .body("items.id", not(hasItem((int) duplicate)));

        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200);
        search("heronsgate" + u + " trading").body("items.id", hasItem((int) survivor))
                .body("items.id", not(hasItem((int) duplicate)));
        search("heronsgate" + u + " holdings").body("items.id", hasItem((int) duplicate))
                .body("items.id", not(hasItem((int) survivor)));
    }

    @Test
    void anErasedPersonIsNotFoundByAnythingTheyWereFoundBy() {
        String u = String.valueOf(10_000_000 + System.nanoTime() % 10_000_000);
        String han = han(Long.parseLong(u));
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "司马", "givenName", han,
                        "phone", "+86 139 " + u, "email", "sima." + u + "@example.cn"))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        for (String q : List.of(han.substring(1, 4), "139" + u, "sima." + u + "@example.cn")) {
            search(q).body("items.id", hasItem((int) person));
        }

        Api.asAdmin().body(Map.of("reason", "Asked by phone")).post("/api/people/" + person + "/erase").then()
                .statusCode(200);
        for (String q : List.of(han.substring(1, 4), "139" + u, "sima." + u + "@example.cn", "erased", "erased" + person)) {
            search(q).body("items.id", not(hasItem((int) person)));
        }
    }

    private static ValidatableResponse search(String q) {
        return Api.asAdmin().queryParam("q", q).get("/api/search").then().statusCode(200);
    }

    private static long org(Map<String, Object> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/organizations").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static String han(long number) {
        StringBuilder s = new StringBuilder();
        for (char c : String.format("%09d", number).toCharArray()) {
            s.append(DIGITS.charAt(c - '0'));
        }
        return s.toString();
    }
}
