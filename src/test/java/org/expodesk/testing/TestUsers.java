package org.expodesk.testing;

import io.quarkus.arc.Arc;
import org.expodesk.account.Role;
import org.expodesk.account.UserService;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds users for a test through the real API and setup link, each with a unique name. */
public final class TestUsers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A user who has chosen a password; the token is an API token for them. */
    public record TestUser(long id, String username, String password, Role role) {

        public String token() {
            return Api.token(username, password);
        }
    }

    private TestUsers() {
    }

    public static TestUser staff() {
        return create(Role.STAFF, null);
    }

    public static TestUser admin() {
        return create(Role.ADMIN, null);
    }

    public static TestUser exhibitor(long organizationId) {
        return create(Role.EXHIBITOR, organizationId);
    }

    public static TestUser create(Role role, Long organizationId) {
        String username = role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
        String password = "Tangerine lantern " + username + " crosses the river";
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("role", role.name());
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        var created = Api.asAdmin().body(body).when().post("/api/users")
                .then().statusCode(201).extract();
        long id = ((Number) created.path("user.id")).longValue();
        String setupToken = created.path("setupToken");
        Arc.container().instance(UserService.class).get().completeSetup(setupToken, password);
        return new TestUser(id, username, password, role);
    }
}
