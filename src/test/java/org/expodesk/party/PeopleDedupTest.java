package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** People with several e-mails and phones, recognised when they are entered again. */
@QuarkusTest
class PeopleDedupTest {

    @Test
    void theSameEMailInAnotherCaseIsTheSamePersonWhoGetsWhatTheyLacked() {
        String u = unique();
        long id = create(Map.of("familyName", "Okafor", "givenName", "Ada", "email", "ada.okafor" + u + "@example.ng"), 201);
        Api.asAdmin().body(Map.of("familyName", "Okafor", "givenName", "A.", "email", "ADA.Okafor" + u + "@Example.NG",
                        "jobTitle", "Buyer", "phones", List.of("+234 802 123 " + u.substring(0, 4))))
                .post("/api/people").then().statusCode(200)
                .header("Content-Location", "/api/people/" + id)
                .body("id", equalTo((int) id)).body("givenName", equalTo("Ada")).body("jobTitle", equalTo("Buyer"))
                .body("phones", contains("+234 802 123 " + u.substring(0, 4)));
    }

    @Test
    void severalEMailsAndPhonesAreShownCheckedAndFoundInEveryWrittenForm() {
        String u = unique();
        String mobile = "139" + u.substring(0, 4) + "1234";
        long id = create(Map.of("familyName", "赵", "givenName", "敏" + u, "email", "zhao" + u + "@example.cn",
                "emails", List.of("Min.Zhao" + u + "@Example.com", "zhao" + u + "@example.cn"),
                "phone", "+86 " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7),
                "phones", List.of("(021) 6888 " + u.substring(0, 4))), 201);
        Api.asAdmin().get("/api/people/" + id).then().statusCode(200)
                .body("emails", contains("zhao" + u + "@example.cn", "min.zhao" + u + "@example.com"))
                .body("phones", contains("+86 " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " "
                        + mobile.substring(7), "(021) 6888 " + u.substring(0, 4)))
                .body("phoneE164", equalTo("+86" + mobile));
        for (String q : List.of(mobile, "+86 " + mobile, "021-6888" + u.substring(0, 4), "+86 21 6888 " + u.substring(0, 4),
                "min.zhao" + u + "@example.com")) {
            Api.asAdmin().queryParam("q", q).get("/api/search").then().statusCode(200)
                    .body("items.findAll { it.type == 'person' }.id", hasItem((int) id));
        }
        Api.asAdmin().body(Map.of("kind", "phone", "value", "0086 21 6888 " + u.substring(0, 4))).post("/api/people/" + id + "/contacts")
                .then().statusCode(200).body("phones.size()", equalTo(2));
        Api.asAdmin().body(Map.of("kind", "email", "value", "zhao.min" + u + "@example.org")).post("/api/people/" + id + "/contacts")
                .then().statusCode(200).body("emails.size()", equalTo(3));
        Api.asAdmin().body(Map.of("kind", "phone", "value", "12345")).post("/api/people/" + id + "/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("value"));

        Api.asAdmin().body(Map.of("familyName", "Bad", "phone", "555", "phones", List.of("not a phone"),
                        "emails", List.of("nope")))
                .post("/api/people").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("phone", "phones", "emails"))
                .body("errors.find { it.field == 'phone' }.message", org.hamcrest.Matchers.containsString("+86"));
        // a further e-mail is as strong as the primary one
        Api.asAdmin().body(Map.of("familyName", "Zhao", "givenName", "Min", "email", "zhao.min" + u + "@example.org"))
                .post("/api/people").then().statusCode(200).body("id", equalTo((int) id));
    }

    @Test
    void theSamePhoneWithALikeNameIsSureButWithAnotherNameIsNot() {
        String u = unique();
        String phone = "+49 30 " + u.substring(0, 4) + "567";
        long id = create(Map.of("familyName", "Schneider", "givenName", "Jonas", "phone", phone), 201);
        // a typo in the name, the number written another way: still the same person
        Api.asAdmin().body(Map.of("familyName", "Schnieder", "givenName", "Jonas", "phone", "0049 30 " + u.substring(0, 4) + "567",
                        "email", "jonas" + u + "@example.de"))
                .post("/api/people").then().statusCode(200).body("id", equalTo((int) id))
                .body("email", equalTo("jonas" + u + "@example.de"));
        long other = create(Map.of("familyName", "Weber", "givenName", "Lena", "phone", phone), 201);
        assertThat(other).isNotEqualTo(id);
    }

    @Test
    void aLikeNameAtTheSameOrganizationGoesToReviewInEitherNameOrder() {
        long org = TestOrganizations.create();
        String u = unique();
        long first = create(Map.of("familyName", "刘", "givenName", "德华" + u, "organization", org), 201);
        long second = create(Map.of("familyName", "德华" + u, "givenName", "刘", "organization", org), 201);
        assertThat(second).isNotEqualTo(first);
        Map<String, Object> pair = queued(second);
        assertThat(((Number) pair.get("candidate")).longValue()).isEqualTo(first);
        assertThat((String) pair.get("reasons")).contains("same organization");

        long colleague = create(Map.of("familyName", "Meyer", "givenName", "Anna", "organization", org,
                "email", "anna.meyer" + u + "@colleagues.example"), 201);
        long namesake = create(Map.of("familyName", "Meyer", "givenName", "Anne", "organization", org,
                "email", "a.meyer" + u + "@colleagues.example"), 201);
        assertThat(namesake).isNotEqualTo(colleague);
        // two addresses at one company: more likely two colleagues than one person
        List<Number> queued = Api.asAdmin().queryParam("kind", "person").get("/api/dedup/candidates").then()
                .extract().path("items.record");
        assertThat(queued.stream().map(Number::longValue)).doesNotContain(namesake);
        // a like name alone, with nothing else in common, is nobody's business
        long stranger = create(Map.of("familyName", "刘", "givenName", "德华" + u), 201);
        List<Number> records = Api.asAdmin().queryParam("kind", "person").get("/api/dedup/candidates").then()
                .statusCode(200).extract().path("items.record");
        assertThat(records.stream().map(Number::longValue)).doesNotContain(stranger);

        Api.asAdmin().post("/api/dedup/candidates/" + pair.get("id") + "/dismiss").then().statusCode(200)
                .body("status", equalTo("DISMISSED"));
        Api.as(TestUsers.exhibitor(org).token()).queryParam("kind", "person").get("/api/dedup/candidates").then()
                .statusCode(403);
    }

    static Map<String, Object> queued(long record) {
        List<Map<String, Object>> queue = Api.asAdmin().queryParam("kind", "person").get("/api/dedup/candidates").then()
                .statusCode(200).extract().path("items");
        return queue.stream().filter(c -> ((Number) c.get("record")).longValue() == record).findFirst().orElseThrow();
    }

    static long create(Map<String, Object> body, int status) {
        return ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(status)
                .extract().path("id")).longValue();
    }

    static String unique() {
        return String.valueOf(1_000_000 + System.nanoTime() % 9_000_000);
    }
}
