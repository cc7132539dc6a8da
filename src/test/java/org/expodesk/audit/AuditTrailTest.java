package org.expodesk.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AuditTrailTest {

    @Test
    void creatingARecordIsAuditedWithWhoAndItsFields() {
        String username = "audited-" + System.nanoTime();
        long id = ((Number) Api.asAdmin().body(Map.of("username", username, "displayName", "Audited Person",
                        "email", "audited@example.org", "role", "STAFF"))
                .post("/api/users").then().statusCode(201).extract().path("user.id")).longValue();

        Map<String, Object> entry = entries("CREATE", id).get(0);
        assertThat(entry.get("actor")).isEqualTo("admin");
        assertThat((String) entry.get("changes")).contains("\"username\":\"" + username + "\"")
                .contains("\"email\":\"audited@example.org\"");
    }

    @Test
    void aPasswordChangeIsAuditedButTheHashNeverAppears() {
        TestUser staff = TestUsers.staff();
        List<Map<String, Object>> updates = entries("UPDATE", staff.id());
        assertThat(updates).isNotEmpty();
        String changes = (String) updates.get(0).get("changes");
        assertThat(changes).contains("passwordHash").contains("[redacted]").doesNotContain("argon2");
        assertThat(entries("PASSWORD_CHANGED", staff.id())).hasSize(1);
    }

    @Test
    void aSecondPasswordChangeIsStillRecordedAsAChangeOfTheHash() {
        TestUser staff = TestUsers.staff();
        org.expodesk.testing.BrowserSession page = org.expodesk.testing.BrowserSession.signedIn(staff.username(),
                staff.password());
        page.get("/account");
        String next = "Second passphrase for the audit";
        assertThat(page.post("/account/password", Map.of("currentPassword", staff.password(), "password", next,
                "confirm", next)).statusCode()).isEqualTo(303);

        List<Map<String, Object>> updates = entries("UPDATE", staff.id());
        assertThat(updates).hasSize(2);
        assertThat((String) updates.get(0).get("changes"))
                .contains("\"passwordHash\":{\"from\":\"[redacted]\",\"to\":\"[redacted]\"}")
                .doesNotContain("argon2");
    }

    @Test
    void signInsAreAuditedWithTheClientAddress() {
        TestUser staff = TestUsers.staff();
        staff.token();
        List<Map<String, Object>> logins = entries("LOGIN_SUCCEEDED", staff.id());
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0).get("actor")).isEqualTo(staff.username());
        assertThat(logins.get(0).get("clientIp")).isNotNull();
    }

    @Test
    void theAuditLogHasNoWriteEndpoints() {
        Api.asAdmin().body("{}").post("/api/audit").then().statusCode(405);
        Api.asAdmin().delete("/api/audit").then().statusCode(405);
    }

    private static List<Map<String, Object>> entries(String action, long userId) {
        return Api.asAdmin().queryParam("action", action).queryParam("entityType", "UserAccount")
                .queryParam("entityId", String.valueOf(userId)).get("/api/audit")
                .then().statusCode(200).extract().path("items");
    }
}
