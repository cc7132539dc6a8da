package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Recognising a company that is already in the database when it is entered again. */
@QuarkusTest
class DedupTest {

    @Test
    void theSameCreditCodeIsTheSameCompanyWhichGetsWhatItLacked() {
        String u = unique();
        long id = create(Map.of("name", "杭州" + u + "纺织有限公司", "creditCode", "91330100" + u, "country", "CN"), 201);
        var again = Api.asAdmin().body(Map.of("name", "Hangzhou " + u + " Textiles", "creditCode", "91330100" + u,
                        "website", "https://tex" + u + ".example.cn"))
                .post("/api/organizations").then().statusCode(200)
                .header("Content-Location", "/api/organizations/" + id)
                .body("id", equalTo((int) id)).body("domain", equalTo("tex" + u + ".example.cn")).extract();
        assertThat((String) again.path("name")).isEqualTo("杭州" + u + "纺织有限公司");
    }

    @Test
    void aLikeNameWithTheSameDomainIsSureButALikeNameAloneGoesToReview() {
        String u = unique();
        long first = create(Map.of("name", "Blue Harbour " + u + " Trading GmbH", "country", "DE", "city", "Hamburg",
                "website", "https://blueharbour" + u + ".example.de"), 201);
        long sure = create(Map.of("name", "Blue Harbour " + u + " Trading", "country", "DE",
                "website", "http://blueharbour" + u + ".example.de/kontakt"), 200);
        assertThat(sure).isEqualTo(first);

        long likely = create(Map.of("name", "Blue Harbor " + u + " Trading", "country", "DE", "city", "Hamburg"), 201);
        assertThat(likely).isNotEqualTo(first);
        List<Map<String, Object>> queue = Api.asAdmin().get("/api/dedup/candidates").then().statusCode(200)
                .extract().path("items");
        Map<String, Object> pair = queue.stream().filter(c -> ((Number) c.get("record")).longValue() == likely)
                .findFirst().orElseThrow();
        assertThat(((Number) pair.get("candidate")).longValue()).isEqualTo(first);
        assertThat((String) pair.get("reasons")).contains("name").contains("same city");

        Api.asAdmin().post("/api/dedup/candidates/" + pair.get("id") + "/dismiss").then().statusCode(200)
                .body("status", equalTo("DISMISSED"));
        Api.asAdmin().post("/api/dedup/candidates/" + pair.get("id") + "/dismiss").then().statusCode(409);
    }

    @Test
    void differentCreditCodesAreDifferentCompaniesWhateverTheirNames() {
        String u = unique();
        long a = create(Map.of("name", "Golden " + u + " Lamps", "creditCode", "A" + u, "country", "CN"), 201);
        long b = create(Map.of("name", "Golden " + u + " Lamps", "creditCode", "B" + u, "country", "CN"), 201);
        assertThat(b).isNotEqualTo(a);
        List<Number> records = Api.asAdmin().get("/api/dedup/candidates").then().extract().path("items.record");
        assertThat(records.stream().map(Number::longValue)).doesNotContain(b);
    }

    @Test
    void aLikeNameWithAMailDomainOrACityIsNeverSure() {
        String u = unique();
        long first = create(Map.of("name", "深圳市华强" + u + "电子有限公司", "nameLatin", "Shenzhen Huaqiang" + u + " Electronics",
                "city", "深圳", "email", "sales@sohu.com", "country", "CN"), 201);
        long second = create(Map.of("name", "深圳市华信" + u + "电子有限公司", "nameLatin", "Shenzhen Huaxin" + u + " Electronics",
                "city", "深圳", "email", "info@sohu.com", "country", "CN", "creditCode", "91440300HX" + u), 201);
        assertThat(second).isNotEqualTo(first);
        Api.asAdmin().get("/api/organizations/" + first).then().body("creditCode", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void twoIdenticalCreatesAtOnceMakeOneRecord() throws Exception {
        String u = unique();
        Map<String, Object> body = Map.of("name", "Parallel " + u + " Ceramics", "creditCode", "PC" + u, "country", "CN");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> ((Number) Api.asAdmin().body(body).post("/api/organizations").then()
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

    private static long create(Map<String, Object> body, int status) {
        return ((Number) Api.asAdmin().body(body).post("/api/organizations").then().statusCode(status)
                .extract().path("id")).longValue();
    }

    private static String unique() {
        return String.valueOf(System.nanoTime() % 10_000_000);
    }
}
