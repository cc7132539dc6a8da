package org.expodesk.checkin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Signalling between the check-in pages of one gate: who is open there, and their offers and answers. */
@QuarkusTest
class GatePeersApiTest {

    @Inject
    GatePeers peers;

    private static String peer() {
        return UUID.randomUUID().toString();
    }

    private static ValidatableResponse present(String token, String peerId, String gate) {
        return Api.as(token).body(gate == null ? Map.of() : Map.of("gate", gate))
                .put("/api/checkin-peers/" + peerId).then();
    }

    private static ValidatableResponse signal(String token, String to, String from, String kind, String sdp) {
        return Api.as(token).body(Map.of("from", from, "kind", kind, "sdp", sdp))
                .post("/api/checkin-peers/" + to + "/signals").then();
    }

    @Test
    void pagesOfOneGateFindEachOtherAndGetEachOffersAndAnswerOnce() {
        long exhibition = TestExhibitions.june2027();
        String laneA = TestCheckins.deviceToken(exhibition, "Lane A", "main");
        String laneB = TestCheckins.deviceToken(exhibition, "Lane B", "main");
        String a = peer();
        String b = peer();

        present(laneA, a, null).statusCode(200).body("gate", equalTo("main")).body("peers", empty());
        present(laneB, b, null).statusCode(200).body("peers", equalTo(List.of(a)));

        signal(laneA, b, a, "OFFER", "v=0 offer of A").statusCode(202);
        // a retried offer replaces the first: B answers one
        signal(laneA, b, a, "OFFER", "v=0 offer of A, again").statusCode(202);
        int offer = present(laneB, b, null).statusCode(200)
                .body("signals.size()", equalTo(1))
                .body("signals[0].from", equalTo(a))
                .body("signals[0].kind", equalTo("OFFER"))
                .body("signals[0].sdp", equalTo("v=0 offer of A, again"))
                .extract().path("signals[0].id");
        // until B says it took it (its answer may have been lost), B is given it again; then never
        present(laneB, b, null).statusCode(200).body("signals[0].id", equalTo(offer));
        Api.as(laneB).body(Map.of("taken", List.of(offer))).put("/api/checkin-peers/" + b).then().statusCode(200)
                .body("signals", empty());
        present(laneB, b, null).statusCode(200).body("signals", empty());

        signal(laneB, a, b, "ANSWER", "v=0 answer of B").statusCode(202);
        present(laneA, a, null).statusCode(200)
                .body("peers", equalTo(List.of(b)))
                .body("signals[0].kind", equalTo("ANSWER"))
                .body("signals[0].sdp", equalTo("v=0 answer of B"));
    }

    @Test
    void aDeviceWithoutAGateMeetsThePagesOfTheGateItChoseAndNoOthers() {
        long exhibition = TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "east", "BOTH");
        String fixedMain = TestCheckins.deviceToken(exhibition, "Main lane", "main");
        String roaming = TestCheckins.deviceToken(exhibition, "Roaming tablet", null);
        String atMain = peer();
        String roamer = peer();
        present(fixedMain, atMain, "east").statusCode(200).body("gate", equalTo("main"));

        present(roaming, roamer, "east").statusCode(200).body("gate", equalTo("east")).body("peers", empty());
        signal(roaming, atMain, roamer, "OFFER", "v=0").statusCode(404);

        present(roaming, roamer, "MAIN").statusCode(200).body("gate", equalTo("main"))
                .body("peers", equalTo(List.of(atMain)));
        signal(roaming, atMain, roamer, "OFFER", "v=0").statusCode(202);

        present(roaming, roamer, null).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("gate"));
        present(roaming, roamer, "nowhere").statusCode(400)
                .body("errors.find { it.field == 'gate' }.message", equalTo("This edition has no gate of that name."));
    }

    @Test
    void aPageThatMovesToAnotherGateLosesTheOffersMadeAtTheOld() {
        long exhibition = TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "west", "BOTH");
        String fixedMain = TestCheckins.deviceToken(exhibition, "Main lane", "main");
        String roaming = TestCheckins.deviceToken(exhibition, "Roaming tablet", null);
        String atMain = peer();
        String roamer = peer();
        present(fixedMain, atMain, null).statusCode(200);
        present(roaming, roamer, "main").statusCode(200).body("peers", equalTo(List.of(atMain)));
        signal(fixedMain, roamer, atMain, "OFFER", "v=0 offer for main").statusCode(202);
        signal(roaming, atMain, roamer, "ANSWER", "v=0 answer at main").statusCode(202);

        present(roaming, roamer, "west").statusCode(200).body("gate", equalTo("west"))
                .body("peers", empty()).body("signals", empty());
        present(fixedMain, atMain, null).statusCode(200).body("peers", empty()).body("signals", empty());
    }

    @Test
    void anotherDeviceCannotUseOrReachAPageOutsideItsGateOrEdition() {
        long exhibition = TestExhibitions.june2027();
        long otherEdition = TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "south", "BOTH");
        String lane = TestCheckins.deviceToken(exhibition, "Lane", "main");
        String southLane = TestCheckins.deviceToken(exhibition, "South lane", "south");
        String stranger = TestCheckins.deviceToken(otherEdition, "Other show", "main");
        String mine = peer();
        present(lane, mine, null).statusCode(200);

        // a page id is its device's: another device can neither take it over nor sign with it
        present(stranger, mine, null).statusCode(404);
        String theirs = peer();
        present(stranger, theirs, null).statusCode(200).body("peers", empty());
        signal(stranger, mine, theirs, "OFFER", "v=0").statusCode(404);
        signal(stranger, theirs, mine, "OFFER", "v=0").statusCode(404);
        String south = peer();
        present(southLane, south, null).statusCode(200).body("peers", empty());
        signal(southLane, mine, south, "OFFER", "v=0").statusCode(404);
        present(lane, mine, null).statusCode(200).body("signals", empty()).body("peers", empty());

        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        present(exhibitor, peer(), "main").statusCode(403);
        signal(exhibitor, mine, peer(), "OFFER", "v=0").statusCode(403);
        present(TestUsers.staff().token(), peer(), "main").statusCode(403);
        given().contentType("application/json").body(Map.of("gate", "main"))
                .put("/api/checkin-peers/" + peer()).then().statusCode(401);
    }

    @Test
    void malformedSignalsAreRefusedWithTheFieldsNamed() {
        long exhibition = TestExhibitions.june2027();
        String lane = TestCheckins.deviceToken(exhibition, "Lane", "main");
        String other = TestCheckins.deviceToken(exhibition, "Other lane", "main");
        String mine = peer();
        String theirs = peer();
        present(lane, mine, null).statusCode(200);
        present(other, theirs, null).statusCode(200);

        present(lane, "not-a-uuid", null).statusCode(400).body("errors[0].field", equalTo("peerId"));
        signal(lane, theirs, mine, "HELLO", "v=0").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        signal(lane, theirs, mine.toUpperCase(), "OFFER", "v=0").statusCode(400).body("errors[0].field", equalTo("from"));
        signal(lane, theirs, mine, "OFFER", "x".repeat(GatePeers.MAX_SDP + 1)).statusCode(400)
                .body("errors[0].field", equalTo("sdp"));
        Api.as(lane).body(Map.of("from", mine)).post("/api/checkin-peers/" + theirs + "/signals").then()
                .statusCode(400).body("errors.field", equalTo(List.of("kind", "sdp")));
        present(other, theirs, null).statusCode(200).body("signals", empty());
    }

    @Test
    void aDeviceKeepsOnlyItsNewestPages() {
        long exhibition = TestExhibitions.june2027();
        String lane = TestCheckins.deviceToken(exhibition, "Reloading lane", "main");
        String watcher = TestCheckins.deviceToken(exhibition, "Watching lane", "main");
        java.util.List<String> pages = new java.util.ArrayList<>();
        for (int i = 0; i < GatePeers.PAGES_PER_DEVICE + 3; i++) {
            String page = peer();
            present(lane, page, null).statusCode(200);
            pages.add(page);
        }
        List<String> seen = present(watcher, peer(), null).statusCode(200).extract().path("peers");
        assertThat(seen).hasSize(GatePeers.PAGES_PER_DEVICE)
                .containsAll(pages.subList(pages.size() - GatePeers.PAGES_PER_DEVICE, pages.size()));
    }

    @Test
    void pagesClosedLongAgoAreForgottenWithTheirSignals() {
        long exhibition = TestExhibitions.june2027();
        String lane = TestCheckins.deviceToken(exhibition, "Lane", "main");
        String other = TestCheckins.deviceToken(exhibition, "Other lane", "main");
        String closed = peer();
        String open = peer();
        present(lane, closed, null).statusCode(200);
        present(other, open, null).statusCode(200).body("peers", equalTo(List.of(closed)));
        signal(other, closed, open, "ANSWER", "v=0").statusCode(202);
        QuarkusTransaction.requiringNew().run(() -> GatePeer.update("seenAt = ?1 where peerId = ?2",
                Instant.now().minus(GatePeers.FORGOTTEN_AFTER).minusSeconds(1), closed));

        // gone quiet: no longer offered, and an offer to it is refused
        present(other, open, null).statusCode(200).body("peers", empty());
        signal(other, closed, open, "OFFER", "v=0").statusCode(404);

        QuarkusTransaction.requiringNew().run(peers::forgetClosedPages);
        assertThat(QuarkusTransaction.requiringNew().call(() -> GatePeer.count("peerId", closed))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> GatePeerSignal.count("toPeer", closed))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> GatePeer.count("peerId", open))).isOne();
    }
}
