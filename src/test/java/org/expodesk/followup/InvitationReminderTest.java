package org.expodesk.followup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.registration.TestRegistrations;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** People invited personally who have not registered are reminded once, with their own code, in their language. */
@QuarkusTest
class InvitationReminderTest {

    @Test
    void invitedPeopleWhoHaveNotRegisteredGetOneReminderWithTheirCode() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long org = TestOrganizations.create();
        String english = TestRegistrations.uniqueEmail("remind-en");
        String chinese = TestRegistrations.uniqueEmail("remind-zh");
        String registered = TestRegistrations.uniqueEmail("remind-done");
        long ben = person("Baker", "Ben", org, english, "en");
        person("王", "芳", org, chinese, "zh-CN");
        long erin = person("Early", "Erin", org, registered, "en");
        long segment = ((Number) Api.asAdmin().body(Map.of("name", "Remind " + org, "kind", "people",
                "filter", Map.of("organization", org))).post("/api/segments").then().statusCode(201).extract()
                .path("id")).longValue();
        Api.asAdmin().body(Map.of("segment", segment, "category", "VIP"))
                .post("/api/exhibitions/" + exhibition + "/invitations/mailings").then().statusCode(200);
        JsonPath invitations = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/invitations").then().extract().jsonPath();
        Map<String, Object> early = TestRegistrations.visitor(registered);
        early.remove("category");
        early.put("invitationCode", codeOf(invitations, erin));
        TestRegistrations.register(code, early).then().statusCode(201);
        // the registration is the invited person's once the registrant is deduplicated (registration ADR 0024)
        TestRegistrations.deduplicate();

        long rule = TestRules.rule(exhibition, "invitation-reminder", "OPENING", -30, true);
        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200);
        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200);
        TestRules.drain();

        List<MimeMessage> toBen = reminders(english);
        assertThat(toBen).hasSize(1);
        assertThat(toBen.get(0).getSubject()).isEqualTo("Your invitation to Test Expo " + code + ": register now");
        assertThat(MailServerResource.textOf(toBen.get(0))).contains("/register/" + code + "?invitation="
                + codeOf(invitations, ben));
        List<MimeMessage> toFang = reminders(chinese);
        assertThat(toFang).hasSize(1);
        assertThat(toFang.get(0).getSubject()).contains("请尽快登记");
        assertThat(reminders(registered)).isEmpty();
    }

    /** The reminders among the mails an address got (the invitation itself came first). */
    private static List<MimeMessage> reminders(String address) {
        return TestRules.receivedBy(address).stream().filter(m -> {
            try {
                return m.getSubject().contains("register now") || m.getSubject().contains("请尽快登记");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String codeOf(JsonPath invitations, long person) {
        return invitations.getString("find { it.person == " + person + " }.code");
    }

    private static long person(String family, String given, long org, String email, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("familyName", family, "givenName", given, "organization", org,
                "email", email, "language", language));
        return ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(201).extract().path("id"))
                .longValue();
    }
}
