package org.expodesk.party;

import org.expodesk.testing.Api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Organizations for tests, made through the API with unique names. */
public final class TestOrganizations {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestOrganizations() {
    }

    public static long create() {
        return create("Test Company " + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000);
    }

    public static long create(String name) {
        return ((Number) Api.asAdmin().body(Map.of("name", name, "country", "CN"))
                .post("/api/organizations").then().statusCode(201).extract().path("id")).longValue();
    }
}
