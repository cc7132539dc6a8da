package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Organizations' phones compared and found in E.164, whichever way they were written. */
@QuarkusTest
class PhoneMatchingTest {

    @Test
    void theSameNameAndTheSamePhoneWrittenAnotherWayIsTheSameCompany() {
        String u = PeopleDedupTest.unique();
        String local = "0571 8" + u.substring(0, 3) + " " + u.substring(3, 7);
        long id = ((Number) Api.asAdmin().body(Map.of("name", "杭州" + u + "丝绸有限公司", "country", "CN", "phone", local))
                .post("/api/organizations").then().statusCode(201).extract().path("id")).longValue();
        String e164 = "+86571" + "8" + u.substring(0, 3) + u.substring(3, 7);
        Api.asAdmin().body(Map.of("name", "杭州" + u + "丝绸", "phone", "+86 571 8" + u.substring(0, 3) + "-" + u.substring(3, 7)))
                .post("/api/organizations").then().statusCode(200).body("id", equalTo((int) id));
        for (String q : List.of(local, e164, "0086 571 8" + u.substring(0, 3) + u.substring(3, 7))) {
            Api.asAdmin().queryParam("q", q).get("/api/search").then()
                    .body("items.findAll { it.type == 'organization' }.id", hasItem((int) id));
        }
        Api.asAdmin().body(Map.of("name", "Bad phone " + u, "phone", "+86 571"))
                .post("/api/organizations").then().statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void twoIdenticalPersonCreatesAtOnceMakeOneRecord() throws Exception {
        String u = PeopleDedupTest.unique();
        Map<String, Object> body = Map.of("familyName", "Parallel", "givenName", "P" + u, "email", "parallel" + u + "@example.com");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> ((Number) Api.asAdmin().body(body).post("/api/people").then()
                        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201))).extract().path("id")).longValue()));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var f : futures) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }
}
