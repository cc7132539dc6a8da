package org.expodesk.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.Consent;
import org.expodesk.party.Employment;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.Participation;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.party.TestOrganizations;
import org.expodesk.party.dedup.DedupCandidate;
import org.expodesk.party.dedup.MergeLog;
import org.expodesk.party.dedup.PersonMatcher;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.registration.TestRegistrations.register;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;
import static org.expodesk.registration.TestRegistrations.visitor;

/**
 * A registrant is stored as typed and deduplicated after the commit (ADR 0024). Each case is decided twice: by the
 * party services as the submit called them before, in a transaction rolled back ({@link #decidedAtOnce}), and by
 * the deferred step after a real submit; both must come to the same company, the same person and the same review
 * proposals. The worker is switched off so that each test decides when the pending rows are taken.
 */
@QuarkusTest
class RegistrantDedupTest {

    @Inject
    RegistrantDedupQueue queue;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    Badges badges;

    @Inject
    EntityManager em;

    /** What the submit decided before: the known company and person (null: new) and the proposals of new ones. */
    record Decision(Long company, Set<Long> companyProposals, Long person, Set<Long> personProposals,
                    boolean registeredAlready) {
    }

    @BeforeEach
    void workerOff() {
        queue.runPending();
        queue.runByItself(false);
    }

    @AfterEach
    void workerOn() {
        queue.failFor(id -> false);
        queue.runByItself(true);
    }

    @Test
    void aNewPersonAndANewCompanyAreCreatedLinkedAndTakePart() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        Map<String, Object> body = registrant(uniqueEmail("new-" + u), "Quill " + u, "Zephyr", "Quartzite Looms " + u);
        Decision before = decidedAtOnce(exhibition, body);
        assertThat(before.company()).isNull();
        assertThat(before.person()).isNull();

        long id = submit(exhibition, body);
        JsonPath stored = registration(id);
        assertThat(stored.getString("organizationName")).isEqualTo("Quartzite Looms " + u);
        assertThat(stored.get("organizationId") == null).as("no company before deduplication").isTrue();
        assertThat(stored.getString("dedup.state")).isEqualTo("PENDING");
        long typed = stored.getLong("personId");
        assertThat(in(() -> badges.get(stored.getLong("badge.id")).organizationName)).isEqualTo("Quartzite Looms " + u);

        queue.runPending();
        JsonPath after = registration(id);
        assertThat(after.get("dedup") == null).isTrue();
        assertThat(after.getLong("personId")).isEqualTo(typed);
        long company = after.getLong("organizationId");
        assertSameAs(before, id, company, typed);
        Organization made = in(() -> Organization.findById(company));
        assertThat(made.name).isEqualTo("Quartzite Looms " + u);
        assertThat(made.country).isEqualTo("DE");
        assertThat(in(() -> Person.<Person>findById(typed).organizationId)).isEqualTo(company);
        assertThat(in(() -> Employment.count("personId = ?1 and organizationId = ?2 and untilDay is null", typed, company)))
                .isEqualTo(1);
        assertThat(roles(exhibition, typed, null)).containsExactly("PROFESSIONAL_VISITOR");
        assertThat(roles(exhibition, null, company)).containsExactly("PROFESSIONAL_VISITOR");
        Badge badge = in(() -> badges.get(after.getLong("badge.id")));
        assertThat(badge.organizationId).isEqualTo(company);
        assertThat(badge.organizationName).isEqualTo("Quartzite Looms " + u);
        // done once: a second run finds nothing to do
        assertThat(queue.runPending()).isZero();
    }

    @Test
    void aKnownPersonByAddressTakesTheRegistrationTheBadgeAndTheConsentsThroughAnUndoableMerge() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        String email = uniqueEmail("known-" + u);
        long known = knownPerson("Quill " + u, "Zephyr", email, null);
        Map<String, Object> body = registrant(email, "Quill " + u, "Zephyr", null);
        Decision before = decidedAtOnce(exhibition, body);
        assertThat(before.person()).isEqualTo(known);

        long id = submit(exhibition, body);
        long typed = registration(id).getLong("personId");
        assertThat(typed).as("stored as typed first").isNotEqualTo(known);
        queue.runPending();

        JsonPath after = registration(id);
        assertSameAs(before, id, after.get("organizationId") == null ? null : after.getLong("organizationId"),
                after.getLong("personId"));
        assertThat(after.getLong("personId")).isEqualTo(known);
        assertThat(in(() -> Person.<Person>findById(typed).mergedInto)).isEqualTo(known);
        assertThat(in(() -> badges.get(after.getLong("badge.id")).personId)).isEqualTo(known);
        assertThat(in(() -> Consent.count("personId = ?1 and purpose = ?2", known, Consent.Purpose.TERMS))).isEqualTo(1);
        assertThat(roles(exhibition, known, null)).containsExactly("PROFESSIONAL_VISITOR");
        MergeLog log = in(() -> MergeLog.<MergeLog>find("survivorId = ?1 and duplicateId = ?2", known, typed).singleResult());
        assertThat(log.mergedBy).isEqualTo(RegistrantDedup.BY);
        assertThat(after.getString("dedupFinding")).isNull();

        // undone like any merge: the registration goes back to the person as typed
        Api.asAdmin().post("/api/merges/" + log.id + "/undo").then().statusCode(200);
        assertThat(registration(id).getLong("personId")).isEqualTo(typed);
    }

    @Test
    void aLikelyNamesakeAtTheSameCompanyDomainIsProposedForReview() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long namesake = knownPerson("Quill " + u, "Zephyr", "zq@basalt-" + u + ".com", null);
        Map<String, Object> body = registrant("zephyr.quill@basalt-" + u + ".com", "Quill " + u, "Zephyr", null);
        Decision before = decidedAtOnce(exhibition, body);
        assertThat(before.person()).isNull();
        assertThat(before.personProposals()).contains(namesake);

        long id = submit(exhibition, body);
        queue.runPending();
        JsonPath after = registration(id);
        assertSameAs(before, id, null, after.getLong("personId"));
        assertThat(after.getLong("personId")).isNotEqualTo(namesake);
    }

    @Test
    void aCompanyIsKnownByItsNameOrByTheRegistrantsMailDomainAndANewOneIsProposedLikeBefore() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long company = ((Number) Api.asAdmin().body(Map.of("name", "Orchid Valves " + u + " GmbH", "country", "DE",
                        "website", "https://www.orchid-" + u + ".de")).post("/api/organizations").then().statusCode(201)
                .extract().path("id")).longValue();
        List<Map<String, Object>> cases = List.of(
                registrant("lena@orchid-" + u + ".de", "Lena", "Berg", "Orchid Valves " + u + " GmbH"),
                registrant("jonas@orchid-" + u + ".de", "Jonas", "Falk", "Orchid Valve " + u),
                registrant("orchid." + u + "@gmail.com", "Ida", "Hahn", "Orchid Valves " + u),
                registrant("max@valves-" + u + ".de", "Max", "Lorenz", "Orchid Valves " + u));
        for (Map<String, Object> body : cases) {
            Decision before = decidedAtOnce(exhibition, body);
            long id = submit(exhibition, body);
            queue.runPending();
            JsonPath after = registration(id);
            assertSameAs(before, id, after.getLong("organizationId"), after.getLong("personId"));
        }
        // the first two are the company (by name; by a like name from its own domain), the others new and proposed
        assertThat(decidedAtOnce(exhibition, cases.get(1)).company()).isEqualTo(company);
        assertThat(decidedAtOnce(exhibition, cases.get(3)).companyProposals()).contains(company);
    }

    @Test
    void aKnownPersonRegisteredAtTheEditionAlreadyMakesThisRegistrationADuplicateThatGivesItsPlaceBack() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        long earlier = submit(exhibition, quill.registrant(quill.first()));
        queue.runPending();
        long earlierBadge = registration(earlier).getLong("badge.id");
        assertThat(registration(earlier).getLong("personId")).isEqualTo(quill.person());

        // the same person from their second address: the submit cannot know, the badge and mail go out
        Map<String, Object> again = quill.registrant(quill.second());
        Decision before = decidedAtOnce(exhibition, again);
        assertThat(before.registeredAlready()).as("the submit answered 202 before").isTrue();
        long id = submit(exhibition, again);
        assertThat(taken(exhibition, "PROFESSIONAL")).isEqualTo(2);
        long laterBadge = registration(id).getLong("badge.id");
        // the registrant had the badge reissued meanwhile (a name fixed): the replacement is what must be revoked
        long reissued = QuarkusTransaction.requiringNew().call(() -> badges.reissue(laterBadge,
                Badges.Changes.lost("lost"), "staff").badge().id);
        queue.runPending();

        JsonPath after = registration(id);
        assertThat(after.getString("status")).isEqualTo("DUPLICATE");
        assertThat(after.getString("dedupFinding")).isEqualTo("EARLIER_REGISTRATION");
        assertThat(after.getString("decidedBy")).isEqualTo(RegistrantDedup.BY);
        assertThat(registration(earlier).getString("status")).isEqualTo("CONFIRMED");
        assertThat(in(() -> badges.get(reissued).state)).isEqualTo(BadgeState.REVOKED);
        assertThat(in(() -> badges.get(earlierBadge).state)).isEqualTo(BadgeState.VALID);
        // the registrant was sent the badge now revoked: they are sent the one that stands
        assertThat(mails("registration-badge-held|" + id + "|"))
                .isEqualTo(1);
        assertThat(validBadges(exhibition, quill.person())).isEqualTo(1);
        assertThat(taken(exhibition, "PROFESSIONAL")).isEqualTo(1);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registration").then().statusCode(200)
                .extract().jsonPath().getInt("categories.find { it.code == 'PROFESSIONAL' }.taken")).isEqualTo(1);
        // the person is one, and takes part once
        assertThat(in(() -> Person.<Person>findById(after.getLong("personId")).mergedInto)).isEqualTo(quill.person());
        assertThat(roles(exhibition, quill.person(), null)).containsExactly("PROFESSIONAL_VISITOR");
        // staff see it in the list
        String page = staffPage("/exhibitions/" + exhibition + "/registration/list");
        assertThat(page).contains("Registered before as a known person");
    }

    @Test
    void aDuplicateWhoseMergeStaffUndidCountsAgainWhenStaffReinstateIt() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        long earlier = submit(exhibition, quill.registrant(quill.first()));
        queue.runPending();
        long id = submit(exhibition, quill.registrant(quill.second()));
        long typed = registration(id).getLong("personId");
        long revoked = registration(id).getLong("badge.id");
        queue.runPending();
        assertThat(registration(id).getString("status")).isEqualTo("DUPLICATE");
        String staff = TestUsers.staff().token();
        // the same person still: the duplicate stands
        Api.as(staff).post("/api/registrations/" + id + "/reinstate").then().statusCode(409)
                .contentType("application/problem+json");

        // staff find they are two people after all and undo the merge: the duplicate stays one until reinstated
        undoTheMergeOf(typed, staff);
        assertThat(registration(id).getString("status")).isEqualTo("DUPLICATE");
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).post("/api/registrations/" + id + "/reinstate").then().statusCode(403);
        given().post("/api/registrations/" + id + "/reinstate").then().statusCode(401);
        JsonPath reinstated = Api.as(staff).post("/api/registrations/" + id + "/reinstate").then().statusCode(200)
                .extract().jsonPath();
        assertThat(reinstated.getString("status")).isEqualTo("CONFIRMED");
        assertThat(reinstated.getLong("personId")).isEqualTo(typed);
        long badge = reinstated.getLong("badge.id");
        assertThat(badge).isNotEqualTo(revoked);
        assertThat(in(() -> badges.get(badge).state)).isEqualTo(BadgeState.VALID);
        assertThat(in(() -> badges.get(revoked).state)).isEqualTo(BadgeState.REVOKED);
        assertThat(taken(exhibition, "PROFESSIONAL")).isEqualTo(2);
        assertThat(registration(earlier).getString("status")).isEqualTo("CONFIRMED");
        assertThat(mails("registration-reinstated|" + id + "|"))
                .isEqualTo(1);
        Api.as(staff).post("/api/registrations/" + id + "/reinstate").then().statusCode(409);
    }

    @Test
    void aKnownPersonHoldingABadgeOfTheEditionKeepsItAndThisRegistrationsBadgeIsRevoked() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        String email = uniqueEmail("staff-" + u);
        long known = knownPerson("Quill " + u, "Zephyr", email, null);
        long held = QuarkusTransaction.requiringNew().call(() -> badges.issue(new Badges.IssueRequest(exhibition, known,
                "Zephyr Quill", null, "Booth Co", "EXHIBITOR", "Exhibitor", "#336699", LocalDate.of(2027, 6, 14),
                LocalDate.of(2027, 6, 17), List.of())).badge().id);
        Decision before = decidedAtOnce(exhibition, registrant(email, "Quill " + u, "Zephyr", null));
        assertThat(before.person()).isEqualTo(known);

        long id = submit(exhibition, registrant(email, "Quill " + u, "Zephyr", null));
        long ownBadge = registration(id).getLong("badge.id");
        queue.runPending();

        JsonPath after = registration(id);
        assertThat(after.getString("status")).isEqualTo("CONFIRMED");
        assertThat(after.getLong("personId")).isEqualTo(known);
        assertThat(after.getLong("badge.id")).as("the badge held, as the submit gave it before").isEqualTo(held);
        assertThat(after.getString("dedupFinding")).isEqualTo("EARLIER_BADGE");
        assertThat(in(() -> badges.get(ownBadge).state)).isEqualTo(BadgeState.REVOKED);
        // the registrant is mailed the badge they hold, as the submit mailed it before
        assertThat(mails("registration-badge-held|" + id + "|"))
                .isEqualTo(1);
        assertThat(validBadges(exhibition, known)).isEqualTo(1);
        assertThat(roles(exhibition, known, null)).containsExactly("PROFESSIONAL_VISITOR");
    }

    @Test
    void aFailingRowIsRetriedAloneThenKeptWithItsErrorForStaffWhoTakeItUpAgain() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long failing = submit(exhibition, registrant(uniqueEmail("fails-" + u), "Quill " + u, "Zephyr", "Fail Co " + u));
        long fine = submit(exhibition, registrant(uniqueEmail("fine-" + u), "Quill " + u, "Yara", "Fine Co " + u));
        queue.failFor(id -> id == failing);

        // the batch of both fails; one by one, the other is decided and the failing one counts an attempt
        queue.runPending();
        assertThat(registration(fine).get("dedup") == null).isTrue();
        assertThat(registration(fine).get("organizationId") == null).isFalse();
        JsonPath once = registration(failing);
        assertThat(once.getString("dedup.state")).isEqualTo("PENDING");
        assertThat(once.getInt("dedup.attempts")).isEqualTo(1);
        assertThat(once.getString("dedup.error")).contains("IllegalStateException");
        // a row still retried by itself is not reset by staff: its attempts and due time stay
        assertThat(QuarkusTransaction.requiringNew().call(() -> queue.retry(failing))).isFalse();
        Api.as(TestUsers.staff().token()).post("/api/registrations/" + failing + "/dedup/retry").then().statusCode(409);
        assertThat(registration(failing).getInt("dedup.attempts")).isEqualTo(1);
        queue.runPending();
        queue.runPending();
        JsonPath failed = registration(failing);
        assertThat(failed.getString("dedup.state")).isEqualTo("FAILED");
        assertThat(failed.getInt("dedup.attempts")).isEqualTo(3);
        assertThat(failed.get("organizationId") == null).isTrue();
        // a failed row is not taken by itself any more, and staff see it
        queue.runPending();
        assertThat(registration(failing).getInt("dedup.attempts")).isEqualTo(3);
        assertThat(staffPage("/exhibitions/" + exhibition + "/registration/list")).contains("Matching with the customer database failed", "dedup-retry-" + failing);

        // exhibitors and anonymous callers cannot retry; staff can, once the cause is gone
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).post("/api/registrations/" + failing + "/dedup/retry").then().statusCode(403);
        given().post("/api/registrations/" + failing + "/dedup/retry").then().statusCode(401);
        queue.failFor(id -> false);
        Api.as(TestUsers.staff().token()).post("/api/registrations/" + failing + "/dedup/retry").then().statusCode(200)
                .body("dedup.state", org.hamcrest.Matchers.equalTo("PENDING"));
        queue.runPending();
        assertThat(registration(failing).get("dedup") == null).isTrue();
        assertThat(registration(failing).get("organizationId") == null).isFalse();
        Api.asAdmin().post("/api/registrations/" + failing + "/dedup/retry").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRowAnotherNodesBatchHoldsIsSkippedNotTakenTwice() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long heldElsewhere = submit(exhibition, registrant(uniqueEmail("held-" + u), "Quill " + u, "Zephyr", null));
        long free = submit(exhibition, registrant(uniqueEmail("free-" + u), "Quill " + u, "Yara", null));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            // another node's batch: it holds the row's lock as a claim does until its transaction ends
            Future<?> holding = otherNode.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("SELECT registration_id FROM registration_dedup WHERE registration_id = ?1"
                        + " FOR UPDATE SKIP LOCKED").setParameter(1, heldElsewhere).getResultList();
                claimed.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(queue.runDue()).as("only the free row").isEqualTo(1);
            assertThat(registration(free).get("dedup") == null).isTrue();
            assertThat(registration(heldElsewhere).getString("dedup.state")).isEqualTo("PENDING");
            assertThat(registration(heldElsewhere).getInt("dedup.attempts")).isZero();
            release.countDown();
            holding.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            otherNode.shutdownNow();
        }
        assertThat(queue.runPending()).isEqualTo(1);
        assertThat(registration(heldElsewhere).get("dedup") == null).isTrue();
    }

    @Test
    void twoRegistrationsOfOneNewPersonQueuedTogetherBecomeOnePersonInOrder() {
        long june = TestExhibitions.june2027();
        long other = TestExhibitions.june2027();
        String u = unique();
        String email = uniqueEmail("twice-" + u);
        long first = submit(june, registrant(email, "Quill " + u, "Zephyr", null));
        long second = submit(other, registrant(email, "Quill " + u, "Zephyr", null));
        long firstTyped = registration(first).getLong("personId");
        queue.runPending();
        // the earlier stays the person, the later is merged into it (as the second submit found the first before)
        assertThat(registration(first).getLong("personId")).isEqualTo(firstTyped);
        assertThat(registration(second).getLong("personId")).isEqualTo(firstTyped);
        assertThat(in(() -> Person.count("email = ?1 and mergedInto is null", email))).isEqualTo(1);
    }

    @Test
    void aRegistrationLeftOnAPersonMergedAwayLaterIsADuplicateAndItsBadgeRevoked() {
        long june = TestExhibitions.june2027();
        long other = TestExhibitions.june2027();
        TestRegistrations.changeCategory(other, "PROFESSIONAL", Map.of("capacity", 5));
        String u = unique();
        String email = uniqueEmail("left-" + u);
        String second = uniqueEmail("left2-" + u);
        // T1 registers for June; its row fails. T2, the same person for the other edition, is merged into T1, and
        // T2's registration moves to T1
        long r1 = submit(june, registrant(email, "Quill " + u, "Zephyr", null));
        long r2 = submit(other, registrant(email, "Quill " + u, "Zephyr", null));
        long t1 = registration(r1).getLong("personId");
        queue.failFor(id -> id == r1);
        queue.runPending();
        assertThat(registration(r2).getLong("personId")).isEqualTo(t1);
        long b2 = registration(r2).getLong("badge.id");
        // K, known by a second address, registers for the other edition too
        long k = QuarkusTransaction.requiringNew().call(() -> people.createUnmatched(new People.NewPerson("Quill " + u,
                "Zephyr", null, null, second, null, null, "en", null)).id);
        long r3 = submit(other, registrant(second, "Quill " + u, "Zephyr", null));
        queue.runPending();
        assertThat(registration(r3).getLong("personId")).isEqualTo(k);
        long b3 = registration(r3).getLong("badge.id");
        assertThat(taken(other, "PROFESSIONAL")).isEqualTo(2);

        // K turns out to have T1's address: T1's retried row merges T1 into K, whose registration for the other
        // edition stands; T2's, left on T1 by the merge, is a duplicate
        QuarkusTransaction.requiringNew().run(() -> people.addContact(k, PersonContact.EMAIL, email));
        queue.failFor(id -> false);
        queue.runPending();
        assertThat(registration(r1).getLong("personId")).isEqualTo(k);
        assertThat(registration(r1).getString("status")).isEqualTo("CONFIRMED");
        assertThat(registration(r3).getString("status")).isEqualTo("CONFIRMED");
        JsonPath left = registration(r2);
        assertThat(left.getString("status")).isEqualTo("DUPLICATE");
        assertThat(left.getString("dedupFinding")).isEqualTo("EARLIER_REGISTRATION");
        assertThat(in(() -> badges.get(b2).state)).isEqualTo(BadgeState.REVOKED);
        assertThat(in(() -> badges.get(b3).state)).isEqualTo(BadgeState.VALID);
        assertThat(taken(other, "PROFESSIONAL")).isEqualTo(1);
        // one person, one counted registration and one valid badge at the edition
        List<Long> persons = in(() -> Person.<Person>list("id = ?1 or mergedInto = ?1 or mergedInto = ?2", k, t1)
                .stream().map(p -> p.id).toList());
        assertThat(in(() -> Registration.count("exhibitionId = ?1 and personId in ?2 and status in ?3", other, persons,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING_VERIFICATION)))).isEqualTo(1);
        assertThat(in(() -> Badge.count("exhibitionId = ?1 and personId in ?2 and state = ?3", other, persons,
                BadgeState.VALID))).isEqualTo(1);
    }

    @Test
    void aDuplicateByInvitationGivesTheInvitationsUseBackAndAPendingDuplicateLeavesTheVerificationQueue() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "BUYER", Map.of("capacity", 5));
        String u = unique();
        String first = uniqueEmail("first-" + u);
        String second = uniqueEmail("second-" + u);
        String third = uniqueEmail("third-" + u);
        long known = knownPerson("Quill " + u, "Zephyr", first, null);
        QuarkusTransaction.requiringNew().run(() -> {
            people.addContact(known, PersonContact.EMAIL, second);
            people.addContact(known, PersonContact.EMAIL, third);
        });
        String invitation = Api.asAdmin().body(Map.of("category", "BUYER", "waivesVerification", true, "uses", 3))
                .post("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(201).extract().path("[0].code");
        Map<String, Object> invited = registrant(first, "Quill " + u, "Zephyr", null);
        invited.put("category", "BUYER");
        invited.put("invitationCode", invitation);
        long earlier = submit(exhibition, invited);
        queue.runPending();
        assertThat(registration(earlier).getString("status")).isEqualTo("CONFIRMED");

        // the same person again by invitation, and once more without one, awaiting verification
        Map<String, Object> again = registrant(second, "Quill " + u, "Zephyr", null);
        again.put("category", "BUYER");
        again.put("invitationCode", invitation);
        long byInvitation = submit(exhibition, again);
        Map<String, Object> unverified = registrant(third, "Quill " + u, "Zephyr", null);
        unverified.put("category", "BUYER");
        long pending = submit(exhibition, unverified);
        assertThat(registration(pending).getString("status")).isEqualTo("PENDING_VERIFICATION");
        assertThat(usesOf(invitation)).isEqualTo(2);
        assertThat(taken(exhibition, "BUYER")).isEqualTo(3);
        queue.runPending();

        assertThat(registration(byInvitation).getString("status")).isEqualTo("DUPLICATE");
        assertThat(usesOf(invitation)).as("the duplicate's use given back, the earlier one's kept").isEqualTo(1);
        JsonPath waiting = registration(pending);
        assertThat(waiting.getString("status")).isEqualTo("DUPLICATE");
        assertThat(waiting.getString("dedupFinding")).isEqualTo("EARLIER_REGISTRATION");
        assertThat(waiting.get("badge") == null).as("it never had a badge").isTrue();
        assertThat(taken(exhibition, "BUYER")).isEqualTo(1);
        assertThat(registration(earlier).getString("status")).isEqualTo("CONFIRMED");
        assertThat(validBadges(exhibition, known)).isEqualTo(1);
        // the one who was sent a badge is sent the one that stands; the one still waiting was sent none
        assertThat(mails("registration-badge-held|" + byInvitation + "|"))
                .isEqualTo(1);
        assertThat(mails("registration-badge-held|" + pending + "|"))
                .isZero();
        // staff no longer see it waiting for verification
        Api.as(TestUsers.staff().token()).post("/api/registrations/" + pending + "/approve").then().statusCode(409);
    }

    @Test
    void twoRegistrantsOfOneBatchIntoOneKnownPersonLeaveOneRegistrationAndABatchThatFailsLeavesNothingHalfDone() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        long a = submit(exhibition, quill.registrant(quill.first()));
        long b = submit(exhibition, quill.registrant(quill.second()));
        long typedB = registration(b).getLong("personId");
        long failing = submit(exhibition,
                registrant(uniqueEmail("fails-" + quill.u()), "Quill " + quill.u(), "Yara", null));
        queue.failFor(id -> id == failing);
        assertThat(taken(exhibition, "PROFESSIONAL")).isEqualTo(3);
        // one batch of the three fails on the last after both merges: all of it rolls back, then each is decided alone
        queue.runPending();

        assertThat(registration(a).getString("status")).isEqualTo("CONFIRMED");
        assertThat(registration(a).getLong("personId")).isEqualTo(quill.person());
        assertThat(registration(b).getString("status")).isEqualTo("DUPLICATE");
        assertThat(registration(failing).getString("dedup.state")).isEqualTo("PENDING");
        assertThat(taken(exhibition, "PROFESSIONAL")).as("the duplicate's place given back once").isEqualTo(2);
        assertThat(validBadges(exhibition, quill.person())).isEqualTo(1);
        assertThat(in(() -> Registration.count("exhibitionId = ?1 and personId = ?2", exhibition, quill.person())))
                .isEqualTo(1);
        assertThat(in(() -> MergeLog.count("duplicateId = ?1 and kind = 'PERSON'", typedB))).as("merged once")
                .isEqualTo(1);
        assertThat(in(() -> MergeLog.count("survivorId = ?1 and kind = 'PERSON'", quill.person()))).isEqualTo(2);
    }

    @Test
    void aRowDueLaterWaitsForItsTimeAndTheSweepTakesItThen() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long id = submit(exhibition, registrant(uniqueEmail("later-" + u), "Quill " + u, "Zephyr", "Later Co " + u));
        queue.failFor(x -> x == id);
        queue.runPending();
        queue.failFor(x -> false);
        assertThat(registration(id).getInt("dedup.attempts")).isEqualTo(1);
        // the worker and the sweep take rows due only: this one is due in a minute
        queue.runByItself(true);
        queue.sweep();
        queue.runByItself(false);
        queue.awaitIdle();
        assertThat(registration(id).getString("dedup.state")).isEqualTo("PENDING");
        assertThat(registration(id).getInt("dedup.attempts")).isEqualTo(1);
        // its time comes: the sweep takes it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE registration_dedup"
                + " SET retry_at = retry_at - INTERVAL 2 MINUTE WHERE registration_id = ?1").setParameter(1, id)
                .executeUpdate());
        queue.runByItself(true);
        queue.sweep();
        queue.runByItself(false);
        queue.awaitIdle();
        assertThat(registration(id).get("dedup") == null).isTrue();
        assertThat(registration(id).get("organizationId") == null).isFalse();
    }

    @Test
    void aSubmitWhileABatchHoldsItsClaimIsNeitherBlockedNorLost() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long claimedRow = submit(exhibition, registrant(uniqueEmail("held-" + u), "Quill " + u, "Zephyr", null));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService batch = Executors.newSingleThreadExecutor();
        try {
            // a batch's claim, as the queue takes it: READ COMMITTED, FOR UPDATE SKIP LOCKED, held to its commit
            Future<?> holding = batch.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").executeUpdate();
                em.createNativeQuery("SELECT registration_id FROM registration_dedup WHERE failed_at IS NULL"
                        + " ORDER BY registration_id LIMIT 50 FOR UPDATE SKIP LOCKED").getResultList();
                claimed.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            long during = submit(exhibition, registrant(uniqueEmail("during-" + u), "Quill " + u, "Yara", null));
            assertThat(registration(during).getString("dedup.state")).isEqualTo("PENDING");
            assertThat(queue.runDue()).as("the new row is free, the claimed one skipped").isEqualTo(1);
            assertThat(registration(during).get("dedup") == null).isTrue();
            release.countDown();
            holding.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            batch.shutdownNow();
        }
        queue.runPending();
        assertThat(registration(claimedRow).get("dedup") == null).isTrue();
    }

    @Test
    void aBatchInterruptedAsOnShutdownLeavesItsRowsQueuedWithoutAnAttemptCounted() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long first = submit(exhibition, registrant(uniqueEmail("stop1-" + u), "Quill " + u, "Zephyr", "Stop Co " + u));
        long second = submit(exhibition, registrant(uniqueEmail("stop2-" + u), "Quill " + u, "Yara", null));
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        queue.failFor(id -> {
            if (id != second) {
                return false;
            }
            inBatch.countDown();
            try {
                never.await();
                return false;
            } catch (InterruptedException e) {
                // as a JDBC call interrupted on shutdown: the thread stays interrupted and the call fails
                Thread.currentThread().interrupt();
                return true;
            }
        });
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = worker.submit(() -> queue.runDue());
            assertThat(inBatch.await(30, TimeUnit.SECONDS)).isTrue();
            worker.shutdownNow();
            assertThat(worker.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(running.isDone()).isTrue();
        } finally {
            worker.shutdownNow();
        }
        queue.failFor(id -> false);
        for (long id : List.of(first, second)) {
            JsonPath queued = registration(id);
            assertThat(queued.getString("dedup.state")).isEqualTo("PENDING");
            assertThat(queued.getInt("dedup.attempts")).isZero();
            assertThat(queued.get("organizationId") == null).isTrue();
        }
        assertThat(queue.runPending()).isEqualTo(2);
        assertThat(registration(first).get("organizationId") == null).isFalse();
    }

    private static int usesOf(String code) {
        return in(() -> Invitation.<Invitation>find("code", code).firstResult().uses);
    }

    @Test
    void aDuplicateIsNotReinstatedOnAnInvitationUsedUpMeanwhile() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "BUYER", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        submit(exhibition, quill.registrant(quill.first()));
        queue.runPending();
        String invitation = Api.asAdmin().body(Map.of("category", "BUYER", "waivesVerification", true, "uses", 1))
                .post("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(201).extract().path("[0].code");
        // the known person again by the single-use code: a duplicate, the use given back
        Map<String, Object> again = quill.registrant(quill.second());
        again.put("category", "BUYER");
        again.put("invitationCode", invitation);
        long id = submit(exhibition, again);
        long typed = registration(id).getLong("personId");
        queue.runPending();
        assertThat(registration(id).getString("status")).isEqualTo("DUPLICATE");
        assertThat(usesOf(invitation)).isZero();
        // someone else uses the code meanwhile
        Map<String, Object> other = registrant(uniqueEmail("other-" + quill.u()), "Other " + quill.u(), "Yara", null);
        other.put("category", "BUYER");
        other.put("invitationCode", invitation);
        submit(exhibition, other);
        assertThat(usesOf(invitation)).isEqualTo(1);

        String staff = TestUsers.staff().token();
        undoTheMergeOf(typed, staff);
        Api.as(staff).post("/api/registrations/" + id + "/reinstate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("invitation code has been used"));
        assertThat(usesOf(invitation)).isEqualTo(1);
        assertThat(registration(id).getString("status")).isEqualTo("DUPLICATE");
        assertThat(taken(exhibition, "BUYER")).isEqualTo(1);
    }

    @Test
    void aRegistrationStaffRejectedMeanwhileStaysRejectedWithTheFindingNoted() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "BUYER", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        submit(exhibition, quill.registrant(quill.first()));
        queue.runPending();
        Map<String, Object> buyer = quill.registrant(quill.second());
        buyer.put("category", "BUYER");
        long id = submit(exhibition, buyer);
        TestUsers.TestUser staff = TestUsers.staff();
        Api.as(staff.token()).body(Map.of("reason", "not a buyer")).post("/api/registrations/" + id + "/reject")
                .then().statusCode(200);
        queue.runPending();

        JsonPath after = registration(id);
        assertThat(after.getString("status")).isEqualTo("REJECTED");
        assertThat(after.getString("decidedBy")).isEqualTo(staff.username());
        assertThat(after.getString("dedupFinding")).isEqualTo("EARLIER_REGISTRATION");
        assertThat(taken(exhibition, "BUYER")).isZero();
        Api.as(staff.token()).post("/api/registrations/" + id + "/reinstate").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(registration(id).getString("status")).isEqualTo("REJECTED");
    }

    @Test
    void aDuplicateThatAwaitedVerificationIsReinstatedAwaitingItAgainWithoutABadge() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "BUYER", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        submit(exhibition, quill.registrant(quill.first()));
        queue.runPending();
        Map<String, Object> buyer = quill.registrant(quill.second());
        buyer.put("category", "BUYER");
        long id = submit(exhibition, buyer);
        long typed = registration(id).getLong("personId");
        queue.runPending();
        assertThat(registration(id).getString("status")).isEqualTo("DUPLICATE");
        assertThat(taken(exhibition, "BUYER")).isZero();

        String staff = TestUsers.staff().token();
        undoTheMergeOf(typed, staff);
        JsonPath reinstated = Api.as(staff).post("/api/registrations/" + id + "/reinstate").then().statusCode(200)
                .extract().jsonPath();
        assertThat(reinstated.getString("status")).isEqualTo("PENDING_VERIFICATION");
        assertThat(reinstated.get("badge") == null).as("no badge before verification").isTrue();
        assertThat(reinstated.get("decidedBy") == null).isTrue();
        assertThat(reinstated.get("dedupFinding") == null).isTrue();
        assertThat(validBadges(exhibition, typed)).isZero();
        assertThat(taken(exhibition, "BUYER")).isEqualTo(1);
        assertThat(mails("registration-reinstated|" + id + "|")).isZero();
        // staff verify the buyer as any other
        Api.as(staff).post("/api/registrations/" + id + "/approve").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
        assertThat(validBadges(exhibition, typed)).isEqualTo(1);
    }

    @Test
    void aConfirmedDuplicateWhosePersonHasNoBadgeStandingIsToldItNoLongerCounts() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "BUYER", Map.of("capacity", 5));
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        // the earlier registration awaits verification: no badge of the person stands
        Map<String, Object> buyer = quill.registrant(quill.first());
        buyer.put("category", "BUYER");
        long earlier = submit(exhibition, buyer);
        queue.runPending();
        assertThat(registration(earlier).getString("status")).isEqualTo("PENDING_VERIFICATION");
        long id = submit(exhibition, quill.registrant(quill.second()));
        long badge = registration(id).getLong("badge.id");
        queue.runPending();

        assertThat(registration(id).getString("status")).isEqualTo("DUPLICATE");
        assertThat(in(() -> badges.get(badge).state)).isEqualTo(BadgeState.REVOKED);
        assertThat(mails("registration-badge-held|" + id + "|")).isZero();
        org.expodesk.mail.OutboxMail notice = in(() -> org.expodesk.mail.OutboxMail.<org.expodesk.mail.OutboxMail>find(
                "mailKey = ?1", "registration-duplicate|" + id).firstResult());
        assertThat(notice).isNotNull();
        assertThat(notice.recipient).isEqualTo(quill.second());
        assertThat(notice.textBody).contains("no longer counts", "no longer valid");
    }

    @Test
    void aDuplicateOfAPersonErasedMeanwhileIsNotReinstated() {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 5));
        KnownTwice quill = knownUnderTwoAddresses();
        submit(exhibition, quill.registrant(quill.first()));
        queue.runPending();
        long id = submit(exhibition, quill.registrant(quill.second()));
        long typed = registration(id).getLong("personId");
        queue.runPending();
        String staff = TestUsers.staff().token();
        undoTheMergeOf(typed, staff);
        Api.asAdmin().body(Map.of("reason", "asked by e-mail")).post("/api/people/" + typed + "/erase")
                .then().statusCode(200);

        Api.as(staff).post("/api/registrations/" + id + "/reinstate").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(registration(id).getString("status")).isEqualTo("DUPLICATE");
        assertThat(taken(exhibition, "PROFESSIONAL")).isEqualTo(1);
        assertThat(validBadges(exhibition, typed)).isZero();
    }

    @Test
    void aFailedRowStaffRetryIsDecidedByTheRunningWorkerOnceTheRetryHasCommitted() {
        long exhibition = TestExhibitions.june2027();
        String u = unique();
        long id = submit(exhibition, registrant(uniqueEmail("retry-" + u), "Quill " + u, "Zephyr", "Retry Co " + u));
        long held = submit(exhibition, registrant(uniqueEmail("held-" + u), "Quill " + u, "Yara", "Held Co " + u));
        queue.failFor(x -> x == id || x == held);
        queue.runPending();
        queue.runPending();
        queue.runPending();
        assertThat(registration(id).getString("dedup.state")).isEqualTo("FAILED");
        assertThat(registration(held).getString("dedup.state")).isEqualTo("FAILED");
        queue.failFor(x -> false);

        queue.runByItself(true);
        Api.as(TestUsers.staff().token()).post("/api/registrations/" + id + "/dedup/retry").then().statusCode(200);
        queue.awaitIdle();
        assertThat(registration(id).get("dedup") == null).isTrue();
        assertThat(registration(id).get("organizationId") == null).isFalse();
        // a worker woken before the retry commits finds the row locked and skips it: woken after, it decides it
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(queue.retry(held)).isTrue();
            queue.awaitIdle();
        });
        queue.awaitIdle();
        assertThat(registration(held).get("dedup") == null).isTrue();
    }

    /** Decides the registrant as the submit did before (company, then person, then their registration here), undone. */
    private Decision decidedAtOnce(long exhibition, Map<String, Object> body) {
        String email = ((String) body.get("email")).toLowerCase(java.util.Locale.ROOT);
        String company = (String) body.get("organization");
        java.util.concurrent.atomic.AtomicReference<Decision> decided = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> decided.set(decide(exhibition, email, company, body)));
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException rolledBack) {
            // as meant: nothing of the twin stays
        }
        assertThat(decided.get()).isNotNull();
        return decided.get();
    }

    private Decision decide(long exhibition, String email, String company, Map<String, Object> body) {
        {
            Long companyId = null;
            Long knownCompany = null;
            Set<Long> companyProposals = Set.of();
            if (company != null) {
                Organizations.Created c = organizations.createOrMatchForMember(new Organizations.NewOrganization(company,
                                null, null, null, (String) body.get("country"), null, null, null, null, null, null, null,
                                null, null, null, null, null),
                        email.substring(email.indexOf('@') + 1));
                companyId = c.organization().id;
                knownCompany = c.existing() ? companyId : null;
                companyProposals = Set.copyOf(c.possible().stream().map(m -> m.organization().id).toList());
            }
            People.Created p = people.createOrMatch(new People.NewPerson((String) body.get("lastName"),
                    (String) body.get("firstName"), null, null, email, null, companyId, "en", null));
            boolean registered = p.existing() && Registration.count("exhibitionId = ?1 and personId = ?2", exhibition,
                    p.person().id) > 0;
            Decision d = new Decision(knownCompany, companyProposals, p.existing() ? p.person().id : null,
                    Set.copyOf(p.possible().stream().map(PersonMatcher.Match::person).map(x -> x.id).toList()),
                    registered);
            QuarkusTransaction.setRollbackOnly();
            return d;
        }
    }

    /** The deferred step came to {@code before}'s decision: the same known records, or new ones proposed alike. */
    private static void assertSameAs(Decision before, long registration, Long company, long person) {
        if (before.company() != null) {
            assertThat(company).isEqualTo(before.company());
        } else if (company != null) {
            assertThat(proposals("ORGANIZATION", company)).isEqualTo(before.companyProposals());
        }
        if (before.person() != null) {
            assertThat(person).isEqualTo(before.person());
        } else {
            assertThat(in(() -> Person.<Person>findById(person).mergedInto)).isNull();
            assertThat(proposals("PERSON", person)).isEqualTo(before.personProposals());
        }
    }

    private static Set<Long> proposals(String kind, long record) {
        return in(() -> Set.copyOf(DedupCandidate.<DedupCandidate>list("kind = ?1 and recordId = ?2", kind, record)
                .stream().map(c -> c.candidateId).toList()));
    }

    /** A known person, Quill … Zephyr, reachable at two addresses: a registrant at either is that person. */
    private record KnownTwice(long person, String u, String first, String second) {

        Map<String, Object> registrant(String email) {
            return RegistrantDedupTest.registrant(email, "Quill " + u, "Zephyr", null);
        }
    }

    private KnownTwice knownUnderTwoAddresses() {
        String u = unique();
        String first = uniqueEmail("first-" + u);
        String second = uniqueEmail("second-" + u);
        long known = knownPerson("Quill " + u, "Zephyr", first, null);
        QuarkusTransaction.requiringNew().run(() -> people.addContact(known, PersonContact.EMAIL, second));
        return new KnownTwice(known, u, first, second);
    }

    /** Staff undo the merge that folded the registrant's person as typed into the one known. */
    private static void undoTheMergeOf(long typed, String staff) {
        long merge = in(() -> MergeLog.<MergeLog>find("duplicateId = ?1 and kind = 'PERSON' and undoneAt is null",
                typed).firstResult().id);
        Api.as(staff).post("/api/merges/" + merge + "/undo").then().statusCode(200);
    }

    private long knownPerson(String familyName, String givenName, String email, Long company) {
        return QuarkusTransaction.requiringNew().call(() -> people.createOrMatch(new People.NewPerson(familyName,
                givenName, null, null, email, null, company, "en", null)).person().id);
    }

    private static Map<String, Object> registrant(String email, String lastName, String firstName, String company) {
        Map<String, Object> body = visitor(email);
        body.put("category", "PROFESSIONAL");
        body.put("lastName", lastName);
        body.put("firstName", firstName);
        body.put("country", "DE");
        if (company != null) {
            body.put("organization", company);
        }
        return body;
    }

    private static long submit(long exhibition, Map<String, Object> body) {
        return register(TestRegistrations.code(exhibition), body).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static JsonPath registration(long id) {
        return Api.asAdmin().get("/api/registrations/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> roles(long exhibition, Long person, Long company) {
        return QuarkusTransaction.requiringNew().call(() -> (person != null
                ? Participation.<Participation>list("exhibitionId = ?1 and personId = ?2", exhibition, person)
                : Participation.<Participation>list("exhibitionId = ?1 and organizationId = ?2", exhibition, company))
                .stream().map(p -> p.role.name()).toList());
    }

    private static long validBadges(long exhibition, long person) {
        return QuarkusTransaction.requiringNew().call(() -> Badge.count("exhibitionId = ?1 and personId = ?2 and state = ?3",
                exhibition, person, BadgeState.VALID));
    }

    private static int taken(long exhibition, String category) {
        long categoryId = TestRegistrations.categoryId(exhibition, category);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Registration.getEntityManager()
                .createNativeQuery("SELECT taken FROM registration_counter WHERE category_id = ?1 AND slot = 'all'")
                .setParameter(1, categoryId).getSingleResult()).intValue());
    }

    private static String staffPage(String path) {
        TestUsers.TestUser staff = TestUsers.staff();
        return org.expodesk.testing.BrowserSession.signedIn(staff.username(), staff.password()).get(path).then()
                .statusCode(200).extract().asString();
    }

    private static <T> T in(java.util.function.Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(read::get);
    }

    /** Mails queued under keys beginning so (a badge's id ends them). */
    private static long mails(String keyPrefix) {
        return in(() -> org.expodesk.mail.OutboxMail.count("mailKey like ?1", keyPrefix + "%"));
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }
}
