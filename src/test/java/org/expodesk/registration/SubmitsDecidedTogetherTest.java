package org.expodesk.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.audit.Actor;
import org.expodesk.audit.AuditLog;
import org.expodesk.badge.Badges;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;

/**
 * Public submits decided together in one transaction (ADR 0031): each answered as it would be alone, each person's
 * records audited as made from their own address, and a batch that fails after a submit wrote leaves nothing.
 */
@QuarkusTest
class SubmitsDecidedTogetherTest {

    @Inject
    Registrations registrations;

    @Inject
    Badges badges;

    @Inject
    RegistrantDedupQueue dedup;

    @Test
    void eachSubmitOfABatchIsDecidedAsAloneAndItsRecordsAreAuditedAsItsSendersOwn() {
        long exhibitionId = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibitionId);
        String registeredBefore = uniqueEmail("before");
        String keyBefore = "key-" + registeredBefore;
        Map<String, Object> first = TestRegistrations.visitor(registeredBefore);
        first.put("idempotencyKey", keyBefore);
        TestRegistrations.register(code, first).then().statusCode(201);
        Exhibition edition = edition(exhibitionId);
        List<String> emails = List.of(uniqueEmail("one"), uniqueEmail("two"), uniqueEmail("three"));
        List<SubmitQueue.Queued> batch = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            batch.add(queued(edition, submit(emails.get(i), "Batch" + i, "VISITOR"), "10.31.0." + (i + 1)));
        }
        // refused for its fields, before it wrote anything: the others go on
        batch.add(1, queued(edition, submit(uniqueEmail("nameless"), null, "VISITOR"), "10.31.0.9"));
        // its address is registered: answered as a repeat, nothing written
        batch.add(queued(edition, submit(registeredBefore, "Again", "VISITOR"), "10.31.0.10"));
        // the very submit again (its key), read in the batch's one first read: the registration again
        batch.add(queued(edition, withKey(submit(registeredBefore, "Again", "VISITOR"), keyBefore), "10.31.0.10"));
        // that key with another address: refused
        batch.add(queued(edition, withKey(submit(uniqueEmail("other"), "Again", "VISITOR"), keyBefore), "10.31.0.10"));
        long auditedBefore = count("SELECT COALESCE(MAX(id), 0) FROM audit_log");

        // the worker would deduplicate the rows away after the commit: they are looked at first (and a drain it
        // started for an earlier test's rows, which would take these too, is over before)
        dedup.runByItself(false);
        dedup.awaitIdle();
        List<Optional<SubmitQueue.Decided>> answers;
        try {
            answers = registrations.registerTogether(batch);
            assertDecided(exhibitionId, emails, answers, auditedBefore);
        } finally {
            dedup.runByItself(true);
        }
    }

    private void assertDecided(long exhibitionId, List<String> emails, List<Optional<SubmitQueue.Decided>> answers,
                               long auditedBefore) {
        assertThat(answers).hasSize(7).allMatch(Optional::isPresent);
        ProblemException refused = answers.get(1).get().refused();
        assertThat(refused).isNotNull();
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(answers.get(4).get().outcome().existing()).isTrue();
        assertThat(answers.get(4).get().outcome().sameClient()).isFalse();
        Registrations.Outcome again = answers.get(5).get().outcome();
        assertThat(again.existing()).isTrue();
        assertThat(again.sameClient()).isTrue();
        assertThat(again.registration().email).isEqualTo(answers.get(4).get().outcome().registration().email);
        assertThat(answers.get(6).get().refused().problem().status()).isEqualTo(409);
        for (int i : List.of(0, 2, 3)) {
            Registrations.Outcome outcome = answers.get(i).get().outcome();
            assertThat(outcome.existing()).isFalse();
            assertThat(outcome.registration().status).isEqualTo(RegistrationStatus.CONFIRMED);
        }
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i);
            String ip = "10.31.0." + (i + 1);
            long registrationId = count("SELECT id FROM registration WHERE exhibition_id = ?1 AND email = ?2",
                    exhibitionId, email);
            assertThat(count("SELECT COUNT(*) FROM person WHERE email = ?1 AND family_name = ?2", email, "Batch" + i))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM badge b JOIN registration r ON r.badge_id = b.id"
                    + " WHERE r.id = ?1 AND b.holder_name = ?2 AND b.code IS NOT NULL", registrationId,
                    "Lin Batch" + i)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM consent c JOIN person p ON p.id = c.person_id WHERE p.email = ?1",
                    email)).isEqualTo(3);
            assertThat(count("SELECT COUNT(*) FROM registration_dedup WHERE registration_id = ?1 AND person_id ="
                    + " (SELECT person_id FROM registration WHERE id = ?1)", registrationId)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?1 AND mail_key = ?2", email,
                    "registration|" + registrationId)).isEqualTo(1);
            // every record the submit created is audited as made from its sender's address, none from another's
            assertThat(count("SELECT COUNT(*) FROM audit_log a JOIN registration r ON r.id = a.entity_id"
                    + " WHERE a.id > ?1 AND a.entity_type = 'Registration' AND a.action = 'CREATE' AND r.email = ?2"
                    + " AND a.client_ip = ?3", auditedBefore, email, ip)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM audit_log a JOIN registration r ON r.person_id = a.entity_id"
                    + " WHERE a.id > ?1 AND a.entity_type = 'Person' AND a.action = 'CREATE' AND r.email = ?2"
                    + " AND a.client_ip = ?3", auditedBefore, email, ip)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM audit_log a JOIN registration r ON r.badge_id = a.entity_id"
                    + " WHERE a.id > ?1 AND a.entity_type = 'Badge' AND a.action = 'CREATE' AND r.email = ?2"
                    + " AND a.client_ip = ?3", auditedBefore, email, ip)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM audit_log a JOIN consent c ON c.id = a.entity_id"
                    + " JOIN person p ON p.id = c.person_id WHERE a.id > ?1 AND a.entity_type = 'Consent'"
                    + " AND p.email = ?2 AND a.client_ip = ?3", auditedBefore, email, ip)).isEqualTo(3);
        }
    }

    @Test
    void aBatchThatFailsOnceASubmitHasWrittenLeavesNothingOfAnyOfItsSubmits() {
        long exhibitionId = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibitionId);
        Exhibition edition = edition(exhibitionId);
        String fine = uniqueEmail("fine");
        String longName = uniqueEmail("longname");
        // names of 100 characters each pass as a person's, but not as the badge's holder (at most 200): refused only
        // once the person is written
        Registrations.NewRegistration tooLongForTheBadge = new Registrations.NewRegistration("VISITOR", "F".repeat(100),
                "L".repeat(100), longName, null, null, Map.of(),
                new Registrations.ConsentChoice(true, false, false), null, null, "en", null);
        List<SubmitQueue.Queued> batch = List.of(queued(edition, submit(fine, "Fine", "VISITOR"), "10.32.0.1"),
                queued(edition, tooLongForTheBadge, "10.32.0.2"));

        assertThatThrownBy(() -> registrations.registerTogether(batch)).isInstanceOf(ProblemException.class);

        assertThat(count("SELECT COUNT(*) FROM registration WHERE email IN (?1, ?2)", fine, longName)).isZero();
        assertThat(count("SELECT COUNT(*) FROM person WHERE email IN (?1, ?2)", fine, longName)).isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient IN (?1, ?2)", fine, longName)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE client_ip IN ('10.32.0.1', '10.32.0.2')")).isZero();
        // decided alone, as its request thread then does: the fine one is registered, the other refused
        TestRegistrations.register(code, TestRegistrations.visitor(fine)).then().statusCode(201);
        Map<String, Object> body = TestRegistrations.visitor(longName);
        body.put("firstName", "F".repeat(100));
        body.put("lastName", "L".repeat(100));
        TestRegistrations.register(code, body).then().statusCode(400);
        assertThat(count("SELECT COUNT(*) FROM person WHERE email = ?1", longName)).isZero();
    }

    /**
     * A submit refused by another feature's service (the edition its node kept no longer has that code: a 404 out of
     * ExhibitionService) marks the batch's transaction for rollback: the batch fails instead of answering the others
     * as registered, and each is then decided alone.
     */
    @Test
    void aBatchAnotherServiceMarkedForRollbackFailsInsteadOfAnsweringItsSubmitsAsRegistered() {
        long exhibitionId = TestExhibitions.june2027();
        Exhibition edition = edition(exhibitionId);
        Exhibition renamed = edition(exhibitionId);
        renamed.code = "GONE" + System.nanoTime() % 1_000_000;
        String kept = uniqueEmail("kept");
        List<SubmitQueue.Queued> batch = List.of(queued(renamed, submit(uniqueEmail("stale"), "Stale", "VISITOR"),
                "10.33.0.1"), queued(edition, submit(kept, "Kept", "VISITOR"), "10.33.0.2"));

        assertThatThrownBy(() -> registrations.registerTogether(batch))
                .isInstanceOf(Registrations.BatchMarkedForRollback.class);

        assertThat(count("SELECT COUNT(*) FROM registration WHERE email = ?1", kept)).isZero();
        TestRegistrations.register(TestRegistrations.code(exhibitionId), TestRegistrations.visitor(kept)).then()
                .statusCode(201);
    }

    private SubmitQueue.Queued queued(Exhibition edition, Registrations.NewRegistration submit, String ip) {
        return new SubmitQueue.Queued(edition, submit, new AuditLog.Who(Actor.ANONYMOUS, ip), badges.reserveId());
    }

    private static Registrations.NewRegistration withKey(Registrations.NewRegistration r, String key) {
        return new Registrations.NewRegistration(r.category(), r.firstName(), r.lastName(), r.email(),
                r.organization(), r.country(), r.answers(), r.consent(), r.days(), r.invitationCode(), r.language(),
                key);
    }

    private static Registrations.NewRegistration submit(String email, String lastName, String category) {
        return new Registrations.NewRegistration(category, "Lin", lastName, email, null, null, Map.of(),
                new Registrations.ConsentChoice(true, true, false), null, null, "en", null);
    }

    private static Exhibition edition(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Exhibition.<Exhibition>findById(id));
    }

    private static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.Query query = Registration.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            Object result = query.getSingleResult();
            return result == null ? 0L : ((Number) result).longValue();
        });
    }
}
