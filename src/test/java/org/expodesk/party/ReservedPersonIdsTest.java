package org.expodesk.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.audit.IdBlocks;
import org.expodesk.party.imports.ImportJobs;
import org.expodesk.party.imports.ImportKind;
import org.expodesk.party.imports.ImportRun;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's ids come from blocks reserved in {@code id_block} (ADR 0029): a manual create's person is in the
 * database at once as before, an import chunk's new people are inserted in batches, and rows written past
 * {@link IdBlocks} by a loader do not collide once the block is moved past them.
 */
@QuarkusTest
class ReservedPersonIdsTest {

    @Inject
    People people;

    @Inject
    ImportJobs jobs;

    @Inject
    IdBlocks idBlocks;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewPersonTakesAnIdOfTheReservedBlockAndIsInTheDatabaseAtOnce() throws SQLException {
        String u = unique();
        long[] inTransaction = new long[1];
        Person p = QuarkusTransaction.requiringNew().call(() -> {
            Person created = people.create(new People.NewPerson("Blockwell" + u, "Ada", null, null,
                    "ada" + u + "@example.org", null, null, null, null));
            // a manual create's row is written at once, as an AUTO_INCREMENT insert was: plain SQL sees it
            inTransaction[0] = ((Number) Person.getEntityManager().createNativeQuery(
                    "SELECT COUNT(*) FROM person WHERE id = ?1").setParameter(1, created.id).getSingleResult()).longValue();
            return created;
        });
        assertThat(inTransaction[0]).isEqualTo(1);
        long next = nextId();
        assertThat(p.id).isLessThan(next).isGreaterThanOrEqualTo(next - 1000 * 4L);
    }

    @Test
    void rowsALoaderWroteWithTheTablesAutoIncrementDoNotCollideOnceTheBlockIsMovedPast() throws SQLException {
        String u = unique();
        // this node holds a block: its next ids lie above the table's largest id so far
        Person first = QuarkusTransaction.requiringNew().call(() -> people.create(new People.NewPerson(
                "Loaderfirst" + u, null, null, null, null, null, null, null, null)));
        // a loader writes people past IdBlocks: AUTO_INCREMENT gives them ids right after the largest, inside the
        // block this node holds
        List<Long> loaded = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                // one row a statement, no id: the table's AUTO_INCREMENT gives it
                s.executeUpdate("INSERT INTO person (family_name, name_key, created_at, updated_at) VALUES ('Loaded" + u
                        + "x" + i + "', 'loaded" + u + "x" + i + "', NOW(6), NOW(6))", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet key = s.getGeneratedKeys()) {
                    key.next();
                    loaded.add(key.getLong(1));
                }
            }
        }
        // (unless the block was nearly used up) ids this node would have handed out next
        assertThat(loaded).hasSize(3).allMatch(id -> id > first.id);

        idBlocks.movePast(Person.class);

        assertThat(nextId()).isGreaterThan(loaded.get(2));
        Person after = QuarkusTransaction.requiringNew().call(() -> people.create(new People.NewPerson(
                "Loaderafter" + u, null, null, null, null, null, null, null, null)));
        assertThat(after.id).isGreaterThan(loaded.get(2));
    }

    @Test
    void anImportChunkInsertsItsNewPeopleInBatchesAndTheirEmploymentsAfterThem() throws SQLException {
        String u = unique();
        // a known person without a company, whom a later row of the same chunk moves to one: the change of
        // company writes the employments held so far, those of the new people inserted before it included
        Person known = QuarkusTransaction.requiringNew().call(() -> people.create(new People.NewPerson(
                "Knownmover" + u, "Kim", null, null, "kim" + u + "@example.org", null, null, null, null)));
        StringBuilder csv = new StringBuilder("familyName,givenName,email,organization\n");
        int fresh = 120;
        for (int i = 0; i < fresh; i++) {
            csv.append("Batchfolk").append(u).append("x").append(i).append(",Bo,bo").append(u).append("x").append(i)
                    .append("@example.org,Batch Works ").append(u).append('\n');
        }
        csv.append("Knownmover").append(u).append(",Kim,kim").append(u).append("@example.org,Batch Works ").append(u)
                .append('\n');
        long insertsBefore = comInsert();
        ImportRun run = jobs.importNow(csv.toString().getBytes(StandardCharsets.UTF_8), "batch-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin");
        long inserts = comInsert() - insertsBefore;

        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        // alike names at one company: some are proposed for review, and created all the same
        assertThat(run.created + run.needsReview).isEqualTo(fresh);
        assertThat(run.merged).isZero();
        assertThat(run.updated).isEqualTo(1);
        assertThat(run.errors).isZero();
        // one insert per new person before (120); now one batch of people, and the audit entries, search terms,
        // employments, fingerprints, the company and the run's own rows: far fewer than one per person
        assertThat(inserts).isLessThan(fresh / 2);
        long next = nextId();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Person> created = Person.list("familyName like ?1", "Batchfolk" + u + "x%");
            assertThat(created).hasSize(fresh).allMatch(p -> p.id > known.id && p.id < next);
            for (Person p : created) {
                assertThat(Employment.count("personId", p.id)).isEqualTo(1);
            }
            Person moved = Person.findById(known.id);
            assertThat(moved.organizationId).isEqualTo(created.get(0).organizationId);
            assertThat(Employment.count("personId", known.id)).isEqualTo(1);
        });
    }

    @Test
    void aNewPersonAChunkChangesBeforeItsInsertIsAuditedAsCreatedThenUpdated() {
        String u = unique();
        // the second row is the same person (same e-mail) and fills a gap: their insert waits for the chunk's flush,
        // yet the audit log shows the create as written by the first row and the change by the second, as before
        String csv = "familyName,givenName,email,jobTitle\n"
                + "Auditwell" + u + ",Ann,ann" + u + "@example.org,\n"
                + "Auditwell" + u + ",Ann,ann" + u + "@example.org,Chief Buyer " + u + "\n";
        ImportRun run = jobs.importNow(csv.getBytes(StandardCharsets.UTF_8), "audit-" + u + ".csv", ImportKind.PEOPLE,
                null, "admin");
        assertThat(run.created).isEqualTo(1);
        assertThat(run.updated).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> {
            Person p = Person.find("email", "ann" + u + "@example.org").firstResult();
            assertThat(p.jobTitle).isEqualTo("Chief Buyer " + u);
            List<org.expodesk.audit.AuditEntry> entries = org.expodesk.audit.AuditEntry.list(
                    "entityType = ?1 and entityId = ?2 order by id", "Person", String.valueOf(p.id));
            assertThat(entries).extracting(e -> e.action).containsExactly("CREATE", "UPDATE");
            assertThat(entries.get(0).changes).doesNotContain("Chief Buyer");
            assertThat(entries.get(1).changes).contains("Chief Buyer " + u);
        });
    }

    private long nextId() throws SQLException {
        return DatabaseCounts.nextId(dataSource, "person");
    }

    private long comInsert() throws SQLException {
        return DatabaseCounts.comInsert(dataSource);
    }

    @Test
    void batchedUpdatesOfAChunkStillRefuseAPersonAnotherTransactionChangedMeanwhile() {
        // an import chunk's session sends its updates in batches too (QueuedInserts.holdUntilFlush); the driver runs a
        // batch of more than three updates as one multi-statement round trip, and Hibernate's version check needs the
        // row count of each: a person changed by someone else since the chunk read it must fail the flush, not be
        // overwritten
        String u = unique();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> people.create(new People.NewPerson("Batchley" + u, "Row" + i, null, null,
                        "row" + i + "-" + u + "@example.org", null, null, null, null)).id).toList());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            people.holdInsertsUntilFlush(500);
            List<Person> read = ids.stream().map(id -> Person.<Person>findById(id)).toList();
            QuarkusTransaction.requiringNew().run(() -> {
                Person meanwhile = Person.findById(ids.get(3));
                meanwhile.jobTitle = "changed meanwhile";
            });
            read.forEach(p -> p.jobTitle = "changed by the chunk");
            Person.getEntityManager().flush();
        })).hasStackTraceContaining("OptimisticLock");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> Person.<Person>findById(id).jobTitle).toList()))
                .as("the chunk's transaction rolled back whole; the other change stands")
                .containsExactly(null, null, null, "changed meanwhile", null, null);
    }

    private static String unique() {
        return String.valueOf(100000 + System.nanoTime() % 900000);
    }
}
