package org.expodesk.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.registration.TestRegistrations.register;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;
import static org.expodesk.registration.TestRegistrations.visitor;

@QuarkusTest
class RegistrationDefaultsTest {

    @Test
    void anEditionFromBeforeRegistrationGetsItsDefaultsOnFirstUse() {
        long exhibition = TestExhibitions.june2027();
        // as if the edition had been made before the registration migration
        QuarkusTransaction.requiringNew().run(() -> {
            RegistrationCategory.getEntityManager().createNativeQuery("DELETE c FROM registration_counter c"
                    + " JOIN registration_category k ON k.id = c.category_id WHERE k.exhibition_id = ?1")
                    .setParameter(1, exhibition).executeUpdate();
            RegistrationCategory.delete("exhibitionId", exhibition);
            RegistrationSettings.delete("exhibitionId", exhibition);
        });
        register(TestRegistrations.code(exhibition), visitor(uniqueEmail("first"))).then().statusCode(201);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registration").then().statusCode(200)
                .extract().jsonPath().getList("categories.code")).hasSize(5).contains("BUYER", "VIP");
    }

    @Test
    void aNextEditionTakesTheCategoriesAndQuestionsOfTheOneItIsMadeFrom() {
        long source = TestExhibitions.june2027();
        TestRegistrations.changeCategory(source, "PRESS", Map.of("capacity", 40, "labelEn", "Journalists"));
        Api.asAdmin().body(Map.of("code", "outlet", "kind", "TEXT", "labelEn", "Outlet", "labelZh", "媒体名称"))
                .post("/api/registration-categories/" + TestRegistrations.categoryId(source, "PRESS") + "/questions")
                .then().statusCode(201);
        String code = "RN" + System.nanoTime() % 1_000_000;
        Api.asAdmin().body(Map.of("code", code, "name", "Test Expo 2028", "opensOn", "2028-06-12",
                "closesOn", "2028-06-15")).post("/api/exhibitions/" + source + "/editions").then().statusCode(201);
        long next = Api.asAdmin().get("/api/exhibitions").then().extract().jsonPath()
                .getLong("items.find { it.code == '" + code + "' }.id");
        JsonPath setup = Api.asAdmin().get("/api/exhibitions/" + next + "/registration").then().statusCode(200)
                .extract().jsonPath();
        assertThat(setup.getString("categories.find { it.code == 'PRESS' }.labelEn")).isEqualTo("Journalists");
        assertThat(setup.getInt("categories.find { it.code == 'PRESS' }.capacity")).isEqualTo(40);
        assertThat(setup.getInt("categories.find { it.code == 'PRESS' }.taken")).isZero();
        assertThat(setup.getList("categories.find { it.code == 'PRESS' }.questions.code")).containsExactly("outlet");
    }
}
