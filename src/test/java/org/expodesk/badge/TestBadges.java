package org.expodesk.badge;

import io.quarkus.arc.Arc;
import org.expodesk.testing.Api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** People and their badges for tests: people made through the API, badges through {@link Badges}. */
public final class TestBadges {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestBadges() {
    }

    public static long person(Long organizationId) {
        return person("Holder" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 1_000_000, "Ann", organizationId);
    }

    public static long person(String familyName, String givenName, Long organizationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("familyName", familyName);
        body.put("givenName", givenName);
        if (organizationId != null) {
            body.put("organization", organizationId);
        }
        return ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    public static Badges.IssueRequest request(long exhibitionId, long personId, String name, Long organizationId,
                                              String organizationName) {
        return new Badges.IssueRequest(exhibitionId, personId, name, organizationId, organizationName,
                "PROFESSIONAL", "Professional visitor", "#1E88E5", LocalDate.of(2027, 6, 14),
                LocalDate.of(2027, 6, 17), List.of("HALL1", "HALL2"));
    }

    public static Badges.Issued issue(long exhibitionId, long personId, String name, Long organizationId,
                                      String organizationName) {
        return badges().issue(request(exhibitionId, personId, name, organizationId, organizationName));
    }

    public static Badges badges() {
        return Arc.container().instance(Badges.class).get();
    }

    /** The text of the QR code in an image (a rendered badge page or the PNG). */
    public static String decodeQr(java.awt.image.BufferedImage image) throws Exception {
        return BadgePrintTest.decode(image);
    }
}
