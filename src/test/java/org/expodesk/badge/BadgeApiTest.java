package org.expodesk.badge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.audit.AuditEntry;
import io.restassured.http.ContentType;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Issuing, verifying, reissuing, revoking and key rotation, and who may see and change a badge. */
@QuarkusTest
class BadgeApiTest {

    @Test
    void issuingIsIdempotentPerPersonAndTheCodeVerifiesForItsEditionOnly() {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        long person = TestBadges.person(org);
        Badges.Issued first = TestBadges.issue(edition, person, "Ann Holder", org, "Holder Trading");
        Badges.Issued again = TestBadges.issue(edition, person, "Another Name", org, "Other");

        assertThat(first.existing()).isFalse();
        assertThat(first.accessToken()).isNotNull();
        assertThat(first.publicPdfPath()).startsWith("/badges/").endsWith(".pdf");
        assertThat(again.existing()).isTrue();
        assertThat(again.badge().id).isEqualTo(first.badge().id);
        assertThat(again.accessToken()).isNull();

        Verification v = TestBadges.badges().verify(first.badge().code);
        assertThat(v.result()).isEqualTo(Verification.Result.VALID);
        assertThat(v.payload()).isEqualTo(new BadgeCodes.Payload(edition, 1, first.badge().id, "PROFESSIONAL",
                LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 17)));
        assertThat(TestBadges.badges().verify(first.badge().code, edition).valid()).isTrue();
        assertThat(TestBadges.badges().verify(first.badge().code, edition + 100_000).result())
                .isEqualTo(Verification.Result.WRONG_EDITION);
        assertThat(TestBadges.badges().state(first.badge().id)).contains(BadgeState.VALID);

        Api.asAdmin().get("/api/badges/" + first.badge().id).then().statusCode(200)
                .body("holder.name", equalTo("Ann Holder")).body("holder.organization", equalTo("Holder Trading"))
                .body("holder.personId", equalTo((int) person))
                .body("category.code", equalTo("PROFESSIONAL")).body("category.colour", equalTo("#1E88E5"))
                .body("firstDay", equalTo("2027-06-14")).body("lastDay", equalTo("2027-06-17"))
                .body("zones", contains("HALL1", "HALL2")).body("state", equalTo("VALID"))
                .body("code", equalTo(first.badge().code));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsIssued() {
        long edition = TestExhibitions.june2027();
        long person = TestBadges.person(null);
        Badges.IssueRequest bad = new Badges.IssueRequest(edition, person, " ", null, null, "pro fessional", "",
                "blue", LocalDate.of(2027, 6, 17), LocalDate.of(2027, 6, 14), List.of("hall 1"));
        try {
            TestBadges.badges().issue(bad);
            throw new AssertionError("issued");
        } catch (ProblemException e) {
            assertThat(e.problem().errors()).extracting("field").containsExactlyInAnyOrder("holderName",
                    "categoryLabel", "categoryCode", "categoryColour", "days", "zones");
        }
        assertThat(TestBadges.badges().validOf(edition, person)).isEmpty();
        try {
            TestBadges.badges().issue(TestBadges.request(edition, Long.MAX_VALUE - 7, "Nobody", null, null));
            throw new AssertionError("issued");
        } catch (ProblemException e) {
            assertThat(e.problem().errors()).extracting("field").containsExactly("personId");
        }
    }

    @Test
    void aReissueSupersedesTheOldBadgeAndRevokedAndSupersededAreListed() {
        long edition = TestExhibitions.june2027();
        long person = TestBadges.person(null);
        Badges.Issued first = TestBadges.issue(edition, person, "Wrong Nmae", null, null);
        long old = first.badge().id;

        long renewed = ((Number) Api.asAdmin().body(Map.of("holderName", "Right Name", "reason", "typo"))
                .post("/api/badges/" + old + "/reissue").then().statusCode(201)
                .body("holder.name", equalTo("Right Name")).body("state", equalTo("VALID"))
                .body("category.code", equalTo("PROFESSIONAL"))
                .extract().path("id")).longValue();
        assertThat(renewed).isNotEqualTo(old);
        Api.asAdmin().get("/api/badges/" + old).then().body("state", equalTo("SUPERSEDED"))
                .body("replacedBy", equalTo((int) renewed)).body("stateChangedBy", equalTo("admin"))
                .body("stateReason", equalTo("typo"));
        // the old print still carries a genuine signature: its state is what refuses it
        assertThat(TestBadges.badges().verify(first.badge().code).valid()).isTrue();
        assertThat(TestBadges.badges().state(old)).contains(BadgeState.SUPERSEDED);
        Api.asAdmin().body(Map.of("reason", "again")).post("/api/badges/" + old + "/reissue").then().statusCode(409);

        Api.asAdmin().body(Map.of()).post("/api/badges/" + renewed + "/revoke").then().statusCode(400)
                .body("errors.field", contains("reason"));
        Api.asAdmin().body(Map.of("reason", "left the company")).post("/api/badges/" + renewed + "/revoke").then()
                .statusCode(200).body("state", equalTo("REVOKED")).body("stateReason", equalTo("left the company"));
        Api.asAdmin().body(Map.of("reason", "twice")).post("/api/badges/" + renewed + "/revoke").then()
                .statusCode(200).body("stateReason", equalTo("left the company"));
        Api.asAdmin().body(Map.of("reason", "x")).post("/api/badges/" + old + "/revoke").then().statusCode(409);

        assertThat(TestBadges.badges().revokedIds(edition)).containsExactly(renewed);
        assertThat(TestBadges.badges().supersededIds(edition)).containsExactly(old);
        Api.asAdmin().get("/api/exhibitions/" + edition + "/badges?state=REVOKED").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) renewed));
        Api.asAdmin().get("/api/exhibitions/" + edition + "/badges?state=lost").then().statusCode(400);

        // with no valid badge left the person may be issued a new one
        Badges.Issued fresh = TestBadges.issue(edition, person, "Right Name", null, null);
        assertThat(fresh.existing()).isFalse();
        Api.asAdmin().get("/api/exhibitions/" + edition + "/badges").then().body("total", equalTo(3));
    }

    @Test
    void rotationMakesANewActiveKeyAndBadgesOfTheOldOneStillVerify() {
        long edition = TestExhibitions.june2027();
        Badges.Issued before = TestBadges.issue(edition, TestBadges.person(null), "Before Rotation", null, null);
        String path = "/api/exhibitions/" + edition + "/badge-keys";

        Api.as(TestUsers.staff().token()).post(path).then().statusCode(403);
        Api.asAdmin().post(path).then().statusCode(201).body("keyNo", equalTo(2)).body("active", equalTo(true));
        Badges.Issued after = TestBadges.issue(edition, TestBadges.person(null), "After Rotation", null, null);

        assertThat(TestBadges.badges().verify(before.badge().code).payload().keyNo()).isEqualTo(1);
        assertThat(TestBadges.badges().verify(after.badge().code).payload().keyNo()).isEqualTo(2);
        assertThat(TestBadges.badges().publicKeys(edition)).extracting("keyNo", "active")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
        Api.as(TestUsers.staff().token()).get(path).then().statusCode(200).body("", hasSize(2))
                .body("[0].publicKey", not(nullValue())).body("[0].retiredAt", not(nullValue()));
        // a badge claiming the rotated edition but signed by another edition's key is forged
        long other = TestExhibitions.june2027();
        Badges.Issued foreign = TestBadges.issue(other, TestBadges.person(null), "Foreign", null, null);
        assertThat(TestBadges.badges().verify(foreign.badge().code, edition).result())
                .isEqualTo(Verification.Result.WRONG_EDITION);
    }

    @Test
    void aBadgeIsWrittenOnceWithItsCodeAndIdsOfConcurrentIssuesComeFromReservedBlocks() throws Exception {
        long edition = TestExhibitions.june2027();
        TestBadges.issue(edition, TestBadges.person(null), "Makes the key first", null, null);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(TestBadges.person(null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Badges.Issued> issued = new ArrayList<>();
        try {
            List<Future<Badges.Issued>> results = new ArrayList<>();
            for (long person : people) {
                results.add(pool.submit(() -> TestBadges.issue(edition, person, "Block " + person, null, null)));
            }
            for (Future<Badges.Issued> f : results) {
                issued.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> ids = issued.stream().map(i -> i.badge().id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        long reservedUpTo = QuarkusTransaction.requiringNew().call(() -> ((Number) Badge.getEntityManager()
                .createNativeQuery("SELECT next_id FROM id_block WHERE table_name = 'badge'").getSingleResult()).longValue());
        assertThat(ids).allMatch(id -> id < reservedUpTo);
        for (Badges.Issued i : issued) {
            long id = i.badge().id;
            // the signed code went into the badge's insert: one audited write, no update after it
            List<AuditEntry> entries = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                    "entityType = ?1 and entityId = ?2", "Badge", String.valueOf(id)));
            assertThat(entries).extracting(e -> e.action).containsExactly("CREATE");
            assertThat(entries.get(0).changes).contains(i.badge().code);
            assertThat(TestBadges.badges().verify(i.badge().code).payload().badgeId()).isEqualTo(id);
            Api.asAdmin().get("/api/badges/" + id).then().statusCode(200).body("code", equalTo(i.badge().code));
        }
    }

    @Test
    void concurrentIssuesForOnePersonLeaveExactlyOneValidBadge() throws Exception {
        long edition = TestExhibitions.june2027();
        long person = TestBadges.person(null);
        TestBadges.issue(edition, TestBadges.person(null), "Makes the key first", null, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Long> call = () -> {
                    try {
                        return TestBadges.issue(edition, person, "Racer", null, null).badge().id;
                    } catch (ProblemException e) {
                        assertThat(e.problem().detail()).isEqualTo("badge_issuedConcurrently");
                        return null;
                    }
                };
                results.add(pool.submit(call));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : results) {
                Long id = f.get();
                if (id != null) {
                    ids.add(id);
                }
            }
            assertThat(ids).isNotEmpty();
            assertThat(ids.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        Api.asAdmin().get("/api/exhibitions/" + edition + "/badges?state=VALID").then()
                .body("items.holder.name", hasItem("Racer"))
                .body("items.findAll { it.holder.personId == " + person + " }", hasSize(1));
    }

    @Test
    void anExhibitorSeesAndChangesOnlyItsOwnPeoplesBadgesAndAnonymousNothing() {
        long edition = TestExhibitions.june2027();
        long own = TestOrganizations.create();
        long other = TestOrganizations.create();
        long ownBadge = TestBadges.issue(edition, TestBadges.person(own), "Own Staff", own, "Own Co").badge().id;
        long otherBadge = TestBadges.issue(edition, TestBadges.person(other), "Other Staff", other, "Other Co")
                .badge().id;
        long visitorBadge = TestBadges.issue(edition, TestBadges.person(null), "A Visitor", null, null).badge().id;
        String exhibitor = TestUsers.exhibitor(own).token();

        Api.as(exhibitor).get("/api/badges/" + ownBadge).then().statusCode(200).body("holder.name", equalTo("Own Staff"));
        for (long refused : new long[] {otherBadge, visitorBadge}) {
            Api.as(exhibitor).get("/api/badges/" + refused).then().statusCode(404);
            Api.as(exhibitor).get("/api/badges/" + refused + "/qr.png").then().statusCode(404);
            Api.as(exhibitor).get("/api/badges/" + refused + "/qr.svg").then().statusCode(404);
            Api.as(exhibitor).get("/api/badges/" + refused + "/badge.pdf").then().statusCode(404);
            Api.as(exhibitor).body(Map.of("reason", "mine now")).post("/api/badges/" + refused + "/revoke").then()
                    .statusCode(403);
            Api.as(exhibitor).body(Map.of("holderName", "Mine", "reason", "x"))
                    .post("/api/badges/" + refused + "/reissue").then().statusCode(403);
        }
        Api.asAdmin().get("/api/badges/" + otherBadge).then().body("state", equalTo("VALID"));

        Api.as(exhibitor).get("/api/exhibitions/" + edition + "/badges").then().statusCode(200)
                .body("total", equalTo(1)).body("items.holder.organizationId", everyItem(equalTo((int) own)));
        Api.as(exhibitor).get("/api/exhibitions/" + edition + "/badges?organization=" + other).then().statusCode(404);
        Api.as(exhibitor).get("/api/exhibitions/" + edition + "/badge-keys").then().statusCode(403);

        // an exhibitor changes its people's badges through its booth staff (remove, add), never here: a badge
        // carrying its organization may be a visitor's or buyer's registration from the same company
        Api.as(exhibitor).body(Map.of("holderName", "Own Staffer", "reason", "name fix"))
                .post("/api/badges/" + ownBadge + "/reissue").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("reason", "left us")).post("/api/badges/" + ownBadge + "/revoke").then()
                .statusCode(403);
        Api.asAdmin().get("/api/badges/" + ownBadge).then().body("state", equalTo("VALID"));

        for (String path : List.of("/api/badges/" + ownBadge, "/api/badges/" + ownBadge + "/qr.png",
                "/api/badges/" + ownBadge + "/badge.pdf", "/api/exhibitions/" + edition + "/badges",
                "/api/exhibitions/" + edition + "/badge-keys")) {
            given().get(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/badges/" + otherBadge + "/revoke")
                .then().statusCode(401);
        String scanner = TestUsers.create(org.expodesk.account.Role.SCANNER, null).token();
        Api.as(scanner).get("/api/badges/" + otherBadge).then().statusCode(403);
    }
}
