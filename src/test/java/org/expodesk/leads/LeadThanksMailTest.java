package org.expodesk.leads;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.followup.RuleRunner;
import org.expodesk.mail.TestMail;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exhibitors' thank-you mail tells each organization its own lead count and where to export them. */
@QuarkusTest
class LeadThanksMailTest {

    private static String person(long organization, String email) {
        Api.asAdmin().body(Map.of("familyName", "Thanks" + TestLeads.letters(TestLeads.unique()), "givenName", "Ann",
                "email", email, "language", "en", "organization", organization)).post("/api/people")
                .then().statusCode(201);
        return email;
    }

    @Test
    void theThankYouMailCarriesTheLeadCountAndTheExportLink() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth busy = TestLeads.booth(exhibition);
        TestLeads.Booth quiet = TestLeads.booth(exhibition);
        String u = TestLeads.unique();
        String busyPerson = person(busy.organization(), "busy-" + u + "@booth.test");
        String quietPerson = person(quiet.organization(), "quiet-" + u + "@booth.test");
        String token = busy.token();
        for (String name : new String[] {"One", "Two"}) {
            Api.as(token).body(Map.of("code", TestLeads.visitor(exhibition, name, false).code()))
                    .post("/api/exhibitions/" + exhibition + "/leads").then().statusCode(201);
        }
        long rule = ((Number) Api.asAdmin().body(Map.of("kind", "exhibitor-thanks", "name", "Thanks " + u,
                        "anchor", "CLOSING", "offsetDays", 1, "enabled", true))
                .post("/api/exhibitions/" + exhibition + "/followup-rules").then().statusCode(201)
                .extract().path("id")).longValue();

        Arc.container().instance(RuleRunner.class).get().runNow(rule);
        TestMail.drain("rule:%");

        String busyText = MailServerResource.textOf(MailServerResource.receivedBy(busyPerson).get(0));
        assertThat(busyText).contains("Your team scanned 2 visitors' badges at your booth")
                .contains("/portal/leads/" + exhibition);
        String quietText = MailServerResource.textOf(MailServerResource.receivedBy(quietPerson).get(0));
        assertThat(quietText).contains("thank you for exhibiting").doesNotContain("scanned");
    }
}
