package org.expodesk.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.expodesk.registration.TestRegistrations.register;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;
import static org.expodesk.registration.TestRegistrations.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A node keeps an edition's categories and questions in memory (EditionSetups): every change staff make, and a
 * change written past the API as another node's would be, counts from the next registration on.
 */
@QuarkusTest
class EditionSetupsTest {

    @Test
    void everyChangeToCategoriesAndQuestionsCountsFromTheNextRegistration() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long visitors = TestRegistrations.categoryId(exhibition, "VISITOR");
        // kept in memory from here on
        register(code, visitor(uniqueEmail("kept"))).then().statusCode(201);

        long question = Api.asAdmin().body(Map.of("code", "role", "kind", "TEXT", "labelEn", "Your role",
                        "labelZh", "您的职位", "required", true))
                .post("/api/registration-categories/" + visitors + "/questions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        register(code, visitor(uniqueEmail("asked"))).then().statusCode(400)
                .body("errors.field", hasItem("answers.role"));

        Api.asAdmin().body(Map.of("required", false)).patch("/api/registration-questions/" + question)
                .then().statusCode(200);
        register(code, visitor(uniqueEmail("optional"))).then().statusCode(201);

        Api.asAdmin().delete("/api/registration-questions/" + question).then().statusCode(204);
        Map<String, Object> answering = visitor(uniqueEmail("gone"));
        answering.put("answers", Map.of("role", "buyer"));
        register(code, answering).then().statusCode(400).body("errors[0].field", equalTo("answers.role"));

        TestRegistrations.changeCategory(exhibition, "VISITOR", Map.of("enabled", false));
        register(code, visitor(uniqueEmail("closed"))).then().statusCode(422);

        // written as any other code or node would, not through the staff API
        QuarkusTransaction.requiringNew().run(() -> {
            RegistrationCategory category = RegistrationCategory.findById(visitors);
            category.enabled = true;
            category.labelEn = "Guest";
        });
        register(code, visitor(uniqueEmail("reopened"))).then().statusCode(201).body("category", equalTo("VISITOR"));
    }

    @Test
    void anEditionKeptForSubmitsCountsItsChangesFromTheNextRegistration() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        // kept in memory from here on
        register(code, visitor(uniqueEmail("kept-edition"))).then().statusCode(201);

        // written as any other code or node would: the kept edition's name no longer stands
        QuarkusTransaction.requiringNew().run(() -> {
            org.expodesk.exhibition.Exhibition edition = org.expodesk.exhibition.Exhibition.findById(exhibition);
            edition.name = "Renamed Fair " + exhibition;
        });
        String renamed = uniqueEmail("renamed");
        register(code, visitor(renamed)).then().statusCode(201);
        String mailed = QuarkusTransaction.requiringNew().call(() -> org.expodesk.mail.OutboxMail
                .<org.expodesk.mail.OutboxMail>find("recipient", renamed).firstResult().textBody);
        assertThat(mailed).contains("Renamed Fair " + exhibition);

        // a new code: the old one names no edition any more, the new one takes registrations at once
        String newCode = code + "N";
        QuarkusTransaction.requiringNew().run(() -> {
            org.expodesk.exhibition.Exhibition edition = org.expodesk.exhibition.Exhibition.findById(exhibition);
            edition.code = newCode;
        });
        register(code, visitor(uniqueEmail("old-code"))).then().statusCode(404);
        register(newCode, visitor(uniqueEmail("new-code"))).then().statusCode(201);
    }
}
