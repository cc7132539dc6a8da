package org.expodesk.exhibition;

import org.expodesk.testing.Api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Exhibitions for tests, made through the API, each with a unique code. */
public final class TestExhibitions {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestExhibitions() {
    }

    /** An exhibition open Monday 2027-06-14 to Thursday 06-17, build-up from Saturday 06-12. */
    public static long june2027() {
        String code = "TX" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        Number id = Api.asAdmin().body(Map.of("code", code, "name", "Test Expo " + code, "venue", "Hall Test",
                        "city", "Shanghai", "timezone", "Asia/Shanghai", "opensOn", "2027-06-14", "closesOn", "2027-06-17",
                        "buildUpFrom", "2027-06-12", "tearDownUntil", "2027-06-18"))
                .post("/api/exhibitions").then().statusCode(201).extract().path("id");
        return id.longValue();
    }
}
