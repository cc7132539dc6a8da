package org.expodesk.registration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;

/** The public registration form and the staff pages, as form posts. */
@QuarkusTest
class RegistrationPagesTest {

    @Test
    void theFormShowsFieldErrorsKeepsWhatWasTypedAndThenThanks() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        BrowserSession visitor = new BrowserSession().header("X-Forwarded-For", TestRegistrations.address());
        String choose = visitor.get("/register/" + code).then().statusCode(200).extract().asString();
        assertThat(choose).contains("data-testid=\"category-BUYER\"").doesNotContain("data-testid=\"category-VIP\"");
        String form = visitor.get("/register/" + code + "?category=VISITOR").then().statusCode(200).extract().asString();
        assertThat(form).contains("name=\"idempotencyKey\"").contains("name=\"website\"");

        Map<String, String> fields = new HashMap<>(Map.of("category", "VISITOR", "firstName", "Mei",
                "lastName", "Zhang", "email", "not-an-address", "organization", "Kept Company", "country", "CN"));
        Response refused = visitor.post("/register/" + code, fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-email\"", "data-testid=\"error-terms\"",
                "value=\"Mei\"", "value=\"Kept Company\"", "value=\"CN\" selected");

        String email = uniqueEmail("form");
        fields.put("email", email);
        fields.put("terms", "on");
        fields.put("marketing", "on");
        fields.put("idempotencyKey", "form-" + email);
        Response done = visitor.post("/register/" + code, fields);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/register/" + code + "/thanks");
        assertThat(visitor.post("/register/" + code, fields).statusCode()).isEqualTo(303);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().statusCode(200)
                .extract().jsonPath().getList("email")).containsExactly(email);

        Map<String, String> buyer = new HashMap<>(fields);
        buyer.put("category", "BUYER");
        buyer.put("email", uniqueEmail("formbuyer"));
        buyer.remove("idempotencyKey");
        assertThat(visitor.post("/register/" + code, buyer).header("Location")).endsWith("/received");

        Map<String, String> bot = new HashMap<>(fields);
        bot.put("email", uniqueEmail("formbot"));
        bot.put("website", "spam");
        assertThat(visitor.post("/register/" + code, bot).header("Location")).endsWith("/thanks");
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().statusCode(200)
                .extract().jsonPath().getList("email")).hasSize(2);
    }

    @Test
    void anInvitationCodeOpensItsCategoryAndAFullCategoryIsSaidSo() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String invitation = Api.asAdmin().body(Map.of("category", "VIP"))
                .post("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(201).extract().path("[0].code");
        BrowserSession guest = new BrowserSession().header("X-Forwarded-For", TestRegistrations.address());
        String form = guest.get("/register/" + code + "?invitation=" + invitation).then().statusCode(200).extract()
                .asString();
        assertThat(form).contains("data-testid=\"registration-category\">VIP<").contains("value=\"" + invitation + "\"");
        assertThat(guest.get("/register/" + code + "?invitation=WRONG").statusCode()).isEqualTo(400);

        TestRegistrations.changeCategory(exhibition, "PRESS", Map.of("capacity", 0));
        guest.get("/register/" + code + "?category=PRESS");
        Response full = guest.post("/register/" + code, Map.of("category", "PRESS", "firstName", "Ann",
                "lastName", "Lee", "email", uniqueEmail("full"), "terms", "on"));
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.asString()).contains("data-testid=\"registration-refusal\"", "This category is fully booked.",
                "value=\"Ann\"");
    }

    @Test
    void staffSetUpCategoriesAndQuestionsAndVerifyBuyersOnTheirPages() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        String page = session.get("/exhibitions/" + exhibition + "/registration").then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("data-testid=\"category-BUYER\"", "data-testid=\"category-VIP\"");
        long buyerCategory = TestRegistrations.categoryId(exhibition, "BUYER");
        Response saved = session.post("/exhibitions/" + exhibition + "/registration/categories/" + buyerCategory,
                Map.of("labelEn", "Trade buyer", "labelZh", "专业买家", "colour", "#112233", "capacity", "50",
                        "capacityPerDay", "", "validDays", "", "verificationRequired", "on", "enabled", "on"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Api.asAdmin().get("/api/registration-categories/" + buyerCategory).then().extract().jsonPath()
                .getInt("capacity")).isEqualTo(50);
        Response bad = session.post("/exhibitions/" + exhibition + "/registration/categories/" + buyerCategory,
                Map.of("labelEn", "", "labelZh", "专业买家", "colour", "red", "enabled", "on"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("data-testid=\"registration-refusal\"");
        assertThat(Api.asAdmin().get("/api/registration-categories/" + buyerCategory).then().extract().jsonPath()
                .getString("colour")).isEqualTo("#112233");

        assertThat(session.post("/exhibitions/" + exhibition + "/registration/questions", Map.of("categoryId",
                String.valueOf(buyerCategory), "code", "budget", "kind", "SINGLE_CHOICE", "labelEn", "Budget",
                "labelZh", "预算", "options", "s|Small|小\nl|Large|大", "required", "on")).statusCode()).isEqualTo(303);
        assertThat(Api.asAdmin().get("/api/registration-categories/" + buyerCategory + "/questions").then()
                .extract().jsonPath().getList("code")).containsExactly("budget");
        assertThat(session.post("/exhibitions/" + exhibition + "/registration/invitations", Map.of("category", "VIP",
                "count", "4", "uses", "2")).statusCode()).isEqualTo(303);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/invitations").then().extract().jsonPath()
                .getList("usesAllowed")).containsExactly(2, 2, 2, 2);

        Map<String, Object> buyer = TestRegistrations.visitor(uniqueEmail("pagebuyer"));
        buyer.put("category", "BUYER");
        buyer.put("answers", Map.of("budget", "l"));
        int id = TestRegistrations.register(code, buyer).then().statusCode(201).extract().path("id");
        String list = session.get("/exhibitions/" + exhibition + "/registration/list?status=PENDING_VERIFICATION")
                .then().statusCode(200).extract().asString();
        assertThat(list).contains("data-testid=\"approve-" + id + "\"");
        assertThat(session.post("/exhibitions/" + exhibition + "/registration/list/" + id + "/approve", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(Api.asAdmin().get("/api/registrations/" + id).then().extract().jsonPath().getString("status"))
                .isEqualTo("CONFIRMED");
        assertThat(session.get("/exhibitions/" + exhibition + "/registration/list?status=NOPE").statusCode())
                .isEqualTo(200);
    }

    @Test
    void exhibitorsAreRefusedTheStaffPagesAndAnonymousAreSentToSignIn() {
        long exhibition = TestExhibitions.june2027();
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        BrowserSession session = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        for (String path : List.of("/exhibitions/" + exhibition + "/registration",
                "/exhibitions/" + exhibition + "/registration/list")) {
            assertThat(session.get(path).statusCode()).isEqualTo(403);
            Response anonymous = new BrowserSession().get(path);
            assertThat(anonymous.statusCode()).isEqualTo(303);
            assertThat(anonymous.header("Location")).contains("/login");
        }
    }
}
