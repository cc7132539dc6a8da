package org.expodesk.checkin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in page decides offline with a JavaScript copy of {@link CheckinRules}: the same
 * random facts (fixed seed) must give the same outcome in both.
 */
@QuarkusTest
class CheckinRulesPortBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2027, 6, 15);
    private static final List<String> ZONES = List.of("Asia/Shanghai", "Europe/Berlin", "America/Los_Angeles");

    @TestHTTPResource("/")
    URL base;

    @Test
    void thePagesRulesDecideAsTheServersDo() throws Exception {
        Random random = new Random(20261122);
        List<Map<String, Object>> cases = new ArrayList<>();
        List<CheckinRules.Outcome> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            CheckinRules.Facts facts = randomFacts(random);
            cases.add(asJson(facts));
            expected.add(CheckinRules.decide(facts));
        }
        String json = new ObjectMapper().writeValueAsString(cases);
        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page page = context.newPage();
            page.navigate(base + "checkin");
            page.waitForFunction("() => !!window.expodeskCheckinRules");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> actual = (List<Map<String, Object>>) page.evaluate("""
                    text => JSON.parse(text).map(c => {
                      c.scannedAt = new Date(c.scannedAt);
                      const o = window.expodeskCheckinRules.decide(c);
                      return { result: o.result, reason: o.reason || null, earlierAt: o.earlierAt || null,
                               earlierGate: o.earlierGate || null };
                    })""", json);
            for (int i = 0; i < cases.size(); i++) {
                CheckinRules.Outcome want = expected.get(i);
                Map<String, Object> got = actual.get(i);
                String which = "case " + i + ": " + cases.get(i);
                assertThat(got.get("result")).as(which).isEqualTo(want.result().name());
                assertThat(got.get("reason")).as(which).isEqualTo(want.reason() == null ? null : want.reason().name());
                assertThat(got.get("earlierAt") == null ? null : Instant.parse((String) got.get("earlierAt")))
                        .as(which).isEqualTo(want.earlierAt());
                assertThat(got.get("earlierGate")).as(which).isEqualTo(want.earlierGate());
            }
        }
        assertThat(expected).extracting(CheckinRules.Outcome::result).contains(CheckinRules.Result.values());
    }

    private static CheckinRules.Facts randomFacts(Random r) {
        ZoneId zone = ZoneId.of(pick(r, ZONES));
        Set<LocalDate> days = new LinkedHashSet<>();
        for (int d = -1; d <= 1; d++) {
            if (r.nextInt(4) > 0) {
                days.add(DAY.plusDays(d));
            }
        }
        CheckinRules.Badge badge = new CheckinRules.Badge(
                r.nextInt(6) == 0 ? pick(r, List.of(CheckinRules.Signature.values())) : CheckinRules.Signature.VALID,
                r.nextInt(4) == 0 ? pick(r, List.of(CheckinRules.BadgeState.values())) : CheckinRules.BadgeState.ACTIVE,
                pick(r, List.of("VISITOR", "BUYER")), days, codes(r, "Z1", "Z2"), r.nextInt(5) == 0, r.nextBoolean());
        CheckinRules.Place place = new CheckinRules.Place("G" + r.nextInt(3),
                r.nextInt(3) == 0 ? pick(r, List.of(GateKind.values())) : GateKind.BOTH,
                codes(r, "Z1", "Z2"), codes(r, "VISITOR", "BUYER"), codes(r, "VISITOR", "BUYER"));
        Instant at = DAY.atTime(6 + r.nextInt(12), r.nextInt(60)).atZone(zone).toInstant();
        List<CheckinRules.PreviousScan> previous = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            Instant when = at.minusSeconds(60L * r.nextInt(3 * 24 * 60)).minusSeconds(r.nextInt(2) == 0 ? 0 : 60);
            previous.add(new CheckinRules.PreviousScan(when, "G" + r.nextInt(3),
                    r.nextBoolean() ? Direction.IN : Direction.OUT, pick(r, List.of(CheckinRules.Result.values()))));
        }
        EntryPolicy policy = r.nextInt(4) == 0 ? null : pick(r, List.of(EntryPolicy.values()));
        Direction direction = r.nextInt(3) == 0 ? pick(r, List.of(Direction.values())) : null;
        return new CheckinRules.Facts(badge, place, policy, at, zone, direction, previous);
    }

    private static Map<String, Object> asJson(CheckinRules.Facts f) {
        Map<String, Object> badge = new HashMap<>();
        badge.put("signature", f.badge().signature().name());
        badge.put("state", f.badge().state().name());
        badge.put("category", f.badge().category());
        badge.put("validDays", f.badge().validDays().stream().map(LocalDate::toString).toList());
        badge.put("zones", List.copyOf(f.badge().zones()));
        badge.put("verificationRequired", f.badge().verificationRequired());
        badge.put("verified", f.badge().verified());
        Map<String, Object> place = new HashMap<>();
        place.put("gate", f.place().gate());
        place.put("kind", f.place().kind().name());
        place.put("zones", List.copyOf(f.place().zones()));
        place.put("categories", List.copyOf(f.place().categories()));
        place.put("deviceCategories", List.copyOf(f.place().deviceCategories()));
        Map<String, Object> facts = new HashMap<>();
        facts.put("badge", badge);
        facts.put("place", place);
        facts.put("policy", f.policy() == null ? null : f.policy().name());
        facts.put("scannedAt", f.scannedAt().toEpochMilli());
        facts.put("zone", f.zone().getId());
        facts.put("direction", f.direction() == null ? null : f.direction().name());
        facts.put("previous", f.previous().stream().map(p -> Map.of("at", p.at().toEpochMilli(), "gate", p.gate(),
                "direction", p.direction().name(), "result", p.result().name())).toList());
        return facts;
    }

    private static Set<String> codes(Random r, String a, String b) {
        Set<String> codes = new LinkedHashSet<>();
        if (r.nextInt(3) == 0) {
            codes.add(a);
        }
        if (r.nextInt(3) == 0) {
            codes.add(b);
        }
        return codes;
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
