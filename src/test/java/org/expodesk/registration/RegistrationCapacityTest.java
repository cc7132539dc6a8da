package org.expodesk.registration;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.registration.TestRegistrations.register;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;
import static org.expodesk.registration.TestRegistrations.visitor;

/**
 * A category without a capacity keeps no counters (ADR 0011, amendment); a capacity given to it
 * later starts from the registrations it already has, in total and per day.
 */
@QuarkusTest
class RegistrationCapacityTest {

    @Test
    void aCapacitySetLaterCountsTheRegistrationsAlreadyMade() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        for (int i = 0; i < 3; i++) {
            register(code, professional("before" + i)).then().statusCode(201);
        }
        assertThat(taken(exhibition, "PROFESSIONAL")).isEqualTo(3);

        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 4));
        register(code, professional("last")).then().statusCode(201);
        register(code, professional("one-too-many")).then().statusCode(409);
        assertThat(taken(exhibition, "PROFESSIONAL")).isEqualTo(4);

        // unlimited again, then limited again: counted afresh, nothing registered meanwhile forgotten
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("unlimited", true));
        register(code, professional("while-open")).then().statusCode(201);
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 6));
        register(code, professional("sixth")).then().statusCode(201);
        register(code, professional("seventh")).then().statusCode(409);
    }

    @Test
    void aCapacityPerDaySetLaterCountsEachDayAlreadyTaken() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        TestRegistrations.changeCategory(exhibition, "VISITOR", Map.of("daysSelectable", true));
        Map<String, Object> monday = visitor(uniqueEmail("monday"));
        monday.put("days", List.of("2027-06-14"));
        register(code, monday).then().statusCode(201);

        TestRegistrations.changeCategory(exhibition, "VISITOR", Map.of("capacityPerDay", 1));
        Map<String, Object> again = visitor(uniqueEmail("monday-again"));
        again.put("days", List.of("2027-06-14"));
        register(code, again).then().statusCode(409);
        again.put("days", List.of("2027-06-15"));
        register(code, again).then().statusCode(201);
    }

    @Test
    void aRejectedBuyerGivesTheirPlaceBackOnlyWhereOneIsCounted() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        Map<String, Object> buyer = visitor(uniqueEmail("buyer"));
        buyer.put("category", "BUYER");
        long pending = ((Number) register(code, buyer).then().statusCode(201).extract().path("id")).longValue();
        TestRegistrations.changeCategory(exhibition, "BUYER", Map.of("capacity", 1));
        Map<String, Object> second = visitor(uniqueEmail("second-buyer"));
        second.put("category", "BUYER");
        register(code, second).then().statusCode(409);

        Api.asAdmin().body(Map.of("reason", "not a trade buyer")).post("/api/registrations/" + pending + "/reject")
                .then().statusCode(200);
        assertThat(taken(exhibition, "BUYER")).isZero();
        register(code, second).then().statusCode(201);
    }

    private static Map<String, Object> professional(String name) {
        Map<String, Object> body = visitor(uniqueEmail(name));
        body.put("category", "PROFESSIONAL");
        return body;
    }

    private static int taken(long exhibition, String category) {
        return Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registration").then().statusCode(200).extract()
                .jsonPath().getInt("categories.find { it.code == '" + category + "' }.taken");
    }
}
