package org.expodesk.registration;

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

/**
 * Merging two people (or two companies) moves their registrations and badges with the rest of the
 * history, keeps the one-per-edition rules where both were registered, and an undo moves them back.
 */
@QuarkusTest
class MergedRegistrationsTest {

    @Test
    void aMergedPersonsRegistrationAndBadgeFollowThemAndComeBackOnUndo() {
        long june = TestExhibitions.june2027();
        long other = TestExhibitions.june2027();
        String juneCode = TestRegistrations.code(june);
        String otherCode = TestRegistrations.code(other);
        Map<String, Object> first = visitor(uniqueEmail("merge-first"));
        long firstRegistration = id(register(juneCode, first).then().statusCode(201).extract().jsonPath());
        Map<String, Object> second = visitor(uniqueEmail("merge-second"));
        long secondJune = id(register(juneCode, second).then().statusCode(201).extract().jsonPath());
        long secondOther = id(register(otherCode, second).then().statusCode(201).extract().jsonPath());
        // the second address's two registrations become one person's, as the submit decided before (ADR 0024)
        TestRegistrations.deduplicate();
        long survivor = personOf(firstRegistration);
        long duplicate = personOf(secondJune);
        long juneBadge = badgeOf(secondJune);
        long otherBadge = badgeOf(secondOther);

        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", duplicate)).post("/api/people/" + survivor + "/merge")
                .then().statusCode(200).extract().path("merge")).longValue();
        // registered for both editions: the other edition's registration and badge move, June's stay (one each)
        assertThat(personOf(secondOther)).isEqualTo(survivor);
        assertThat(Api.asAdmin().get("/api/badges/" + otherBadge).then().statusCode(200).extract().jsonPath()
                .getLong("holder.personId")).isEqualTo(survivor);
        assertThat(personOf(secondJune)).isEqualTo(duplicate);
        assertThat(Api.asAdmin().get("/api/badges/" + juneBadge).then().extract().jsonPath().getLong("holder.personId"))
                .isEqualTo(duplicate);

        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200);
        assertThat(personOf(secondOther)).isEqualTo(duplicate);
        assertThat(Api.asAdmin().get("/api/badges/" + otherBadge).then().extract().jsonPath().getLong("holder.personId"))
                .isEqualTo(duplicate);
        assertThat(personOf(firstRegistration)).isEqualTo(survivor);
    }

    @Test
    void aMergedCompanysRegistrationsAndBadgesFollowIt() {
        long june = TestExhibitions.june2027();
        String code = TestRegistrations.code(june);
        String u = Long.toString(System.nanoTime() % 1_000_000);
        Map<String, Object> registrant = visitor(uniqueEmail("merge-company"));
        registrant.put("organization", "Mergeable Widgets " + u);
        long registration = id(register(code, registrant).then().statusCode(201).extract().jsonPath());
        TestRegistrations.deduplicate();
        long company = Api.asAdmin().get("/api/registrations/" + registration).then().extract().jsonPath()
                .getLong("organizationId");
        long survivor = org.expodesk.party.TestOrganizations.create();
        long badge = badgeOf(registration);

        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", company)).post("/api/organizations/" + survivor
                + "/merge").then().statusCode(200).extract().path("merge")).longValue();
        assertThat(Api.asAdmin().get("/api/registrations/" + registration).then().extract().jsonPath()
                .getLong("organizationId")).isEqualTo(survivor);
        assertThat(Api.asAdmin().get("/api/badges/" + badge).then().extract().jsonPath()
                .getLong("holder.organizationId")).isEqualTo(survivor);

        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200);
        assertThat(Api.asAdmin().get("/api/registrations/" + registration).then().extract().jsonPath()
                .getLong("organizationId")).isEqualTo(company);
    }

    private static long id(JsonPath created) {
        return created.getLong("id");
    }

    private static long personOf(long registration) {
        return Api.asAdmin().get("/api/registrations/" + registration).then().statusCode(200).extract().jsonPath()
                .getLong("personId");
    }

    private static long badgeOf(long registration) {
        return Api.asAdmin().get("/api/registrations/" + registration).then().statusCode(200).extract().jsonPath()
                .getLong("badge.id");
    }
}
