package org.expodesk.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.audit.IdBlocks;
import org.expodesk.party.dedup.DedupCandidate;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.party.imports.ImportJobs;
import org.expodesk.party.imports.ImportKind;
import org.expodesk.party.imports.ImportRun;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizations' ids come from blocks reserved in {@code id_block} (V49, ADR 0029): a manual create's organization
 * and its search terms are in the database at once, as with the AUTO_INCREMENT insert; a people import chunk holds
 * its new companies' inserts until its flush, and everything the chunk reads before finds them as before (their terms
 * indexed at persist, their rows written before any read of organizations); rows a loader wrote past
 * {@link IdBlocks} do not collide once the block is moved past them.
 */
@QuarkusTest
class ReservedOrganizationIdsTest {

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    SearchIndex searchIndex;

    @Inject
    ImportJobs jobs;

    @Inject
    IdBlocks idBlocks;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aManualCreateTakesAnIdOfTheBlockAndItsRowAndSearchTermsAreInTheDatabaseAtOnce() throws SQLException {
        String u = letters();
        String name = "Ferrowick" + u + " Instruments";
        long[] inTransaction = new long[2];
        Organization o = QuarkusTransaction.requiringNew().call(() -> {
            Organization created = organizations.create(company(name));
            // plain SQL in the same transaction sees the row and its terms, as after an AUTO_INCREMENT insert
            inTransaction[0] = count("SELECT COUNT(*) FROM organization WHERE id = ?1", created.id);
            inTransaction[1] = count("SELECT COUNT(*) FROM search_term WHERE party_type = 'O' AND party_id = ?1",
                    created.id);
            return created;
        });
        assertThat(inTransaction[0]).isEqualTo(1);
        // indexed once: at the insert, which went out at persist (the listener), not again by Organizations
        assertThat(inTransaction[1]).isEqualTo(SearchTerms.organization(name, null, null).size()).isPositive();
        long next = nextId();
        assertThat(o.id).isLessThan(next).isGreaterThanOrEqualTo(next - 1000 * 4L);
        assertThat(createEntries(o.id)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTransactionThatHoldsInsertsFindsItsNewCompaniesAsItFoundThemBefore() throws SQLException {
        String u = letters();
        // what a people import chunk does: inserts held until the flush, flush mode COMMIT, terms and employments held;
        // each company below is looked up while it alone is held (every lookup writes those held before it)
        Map<String, Object> seen = QuarkusTransaction.requiringNew().call(() -> {
            Organization.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
            searchIndex.holdUntilCommit();
            people.holdEmploymentsUntilCommit();
            people.holdInsertsUntilFlush(500);
            Map<String, Object> found = new java.util.HashMap<>();
            // its terms are in the index the alike blocks read as soon as it is persisted, its row not yet
            Organization indexed = organizations.create(company("Pellacord" + u + " Optics"));
            found.put("indexed", indexed.id);
            found.put("indexedRowHeld", count("SELECT COUNT(*) FROM organization WHERE id = ?1", indexed.id));
            found.put("alike", searchIndex.alikeOrganizations("Pellacord" + u + " Optic", null, 2000, 200));
            // a name alike, matched without blocks read ahead (its name block, then its alike block in SQL): proposed
            // for review against the one created just before, whose row the name block's read writes first
            Organization first = organizations.create(company("Vantorel" + u + " Optics"));
            found.put("first", first.id);
            Organizations.Created second = organizations.createOrMatch(company("Vantorel" + u + " Optic"));
            found.put("secondPossible", second.possible().stream().map(OrganizationMatcher.Match::organizationId)
                    .toList());
            // the lookups of a company by its name, one and many at once, and by id
            Organization named = organizations.create(company("Dreskell" + u + " Pumps"));
            found.put("named", List.of(named.id, organizations.uniquelyNamed("Dreskell" + u + " Pumps").map(o -> o.id)
                    .orElse(-1L)));
            Organization namedAtOnce = organizations.create(company("Ombrith" + u + " Valves"));
            found.put("namedAtOnce", List.of(namedAtOnce.id, organizations.uniquelyNamedKeys(List.of("Ombrith" + u
                    + " Valves")).size()));
            Organization there = organizations.create(company("Tallowmere" + u + " Gears"));
            found.put("exists", organizations.exists(there.id));
            // a company held, and a person held who works there: inserted in this order at the flush (foreign key)
            Organization workplace = organizations.create(company("Quessant" + u + " Lenses"));
            found.put("workplace", workplace.id);
            Person worker = people.createUnmatched(new People.NewPerson("Heldworker" + u, "Ana", null, null, null,
                    null, workplace.id, null, null));
            found.put("worker", worker.id);
            found.put("workplaceRowHeld", count("SELECT COUNT(*) FROM organization WHERE id = ?1", workplace.id));
            return found;
        });
        assertThat(seen.get("indexedRowHeld")).isEqualTo(0L);
        // (other tests' companies may share a word)
        assertThat((List<Object>) seen.get("alike")).contains(seen.get("indexed"));
        assertThat((List<Object>) seen.get("secondPossible")).contains(seen.get("first"));
        List<?> named = (List<?>) seen.get("named");
        assertThat(named.get(1)).isEqualTo(named.get(0));
        assertThat(((List<?>) seen.get("namedAtOnce")).get(1)).isEqualTo(1);
        assertThat(seen.get("exists")).isEqualTo(true);
        assertThat(seen.get("workplaceRowHeld")).isEqualTo(0L);
        QuarkusTransaction.requiringNew().run(() -> {
            Person worker = Person.findById(seen.get("worker"));
            assertThat(worker.organizationId).isEqualTo(seen.get("workplace"));
            assertThat(Employment.count("personId", worker.id)).isEqualTo(1);
        });
        // each company's terms once (indexed at persist; the insert's listener skipped it), and one CREATE entry
        for (String key : List.of("indexed", "first", "workplace")) {
            long id = (Long) seen.get(key);
            String name = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById(id).name);
            assertThat(countNow("SELECT COUNT(*) FROM search_term WHERE party_type = 'O' AND party_id = ?", id))
                    .isEqualTo(SearchTerms.organization(name, null, null).size());
            assertThat(createEntries(id)).isEqualTo(1);
        }
    }

    @Test
    void anImportChunkOfNewCompaniesDecidesAsBeforeWithFarFewerInserts() throws SQLException {
        String u = letters();
        int companies = 60;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("familyName", "givenName", "email", "organization"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < companies; i++) {
            // letters of their own (alike names would be proposed for review against each other)
            names.add(capital(letters(u.hashCode() + i * 387_420_489L)) + " Optics");
        }
        // each company named by two rows: created by the first, the same organization for the second
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < companies; i++) {
                // names of their own too: alike names at one company would be likely duplicates
                String family = capital(letters(u.hashCode() + (2L * i + round + 7) * 129_140_163L));
                rows.add(List.of(family, "Bo", family.toLowerCase(java.util.Locale.ROOT) + "@example.org",
                        names.get(i)));
            }
        }
        // a near-duplicate of the first company, in the same chunk: created and proposed for review against it
        String nearFamily = "Orgnear" + u;
        rows.add(List.of(nearFamily, "Cy", nearFamily.toLowerCase(java.util.Locale.ROOT) + "@example.org",
                names.get(0).replace(" Optics", " Optic")));
        long insertsBefore = comInsert();
        ImportRun run = jobs.importNow(csv(rows).getBytes(StandardCharsets.UTF_8), "orgids-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin");
        long inserts = comInsert() - insertsBefore;

        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(List.of(run.created, run.updated, run.merged, run.needsReview, run.unchanged, run.errors))
                .containsExactly(2 * companies + 1, 0, 0, 0, 0, 0);
        long next = nextId();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Organization> made = new ArrayList<>();
            for (String name : names) {
                List<Organization> named = Organization.list("name", name);
                assertThat(named).as(name).hasSize(1);
                made.add(named.get(0));
            }
            // in the order the chunk created them, ids of the block
            for (int i = 0; i < made.size(); i++) {
                assertThat(made.get(i).id).isLessThan(next);
                if (i > 0) {
                    assertThat(made.get(i).id).isGreaterThan(made.get(i - 1).id);
                }
                List<Person> staff = Person.list("organizationId", made.get(i).id);
                assertThat(staff).hasSize(2);
                for (Person p : staff) {
                    assertThat(Employment.count("personId = ?1 and organizationId = ?2", p.id, made.get(i).id))
                            .isEqualTo(1);
                }
            }
            List<Organization> near = Organization.list("name", names.get(0).replace(" Optics", " Optic"));
            assertThat(near).hasSize(1);
            assertThat(near.get(0).id).isGreaterThan(made.get(made.size() - 1).id);
            List<DedupCandidate> pairs = DedupCandidate.list("kind = 'ORGANIZATION' and recordId = ?1", near.get(0).id);
            assertThat(pairs).extracting(c -> c.candidateId).contains(made.get(0).id);
        });
        for (String name : List.of(names.get(0), names.get(companies - 1))) {
            long id = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>find("name", name)
                    .firstResult().id);
            assertThat(countNow("SELECT COUNT(*) FROM search_term WHERE party_type = 'O' AND party_id = ?", id))
                    .isEqualTo(SearchTerms.organization(name, null, null).size());
            assertThat(createEntries(id)).isEqualTo(1);
        }
        // one insert per new company before (61; 71 in all with the people's batch, the employments, terms, audit
        // entries, review pairs, fingerprints, key locks and the run's own rows: tried, every assertion above holding);
        // now the companies go out in one batch too (10 in all). Com_insert counts the whole server's: the bound leaves
        // room for the scheduled jobs that may fire meanwhile (about 6 inserts each), and still fails the old 61
        assertThat(inserts).isLessThan(companies / 2);
    }

    @Test
    void aKnownPersonMovesToACompanyTheSameChunkCreated() {
        String u = letters();
        // every row a known person (by e-mail): no person block is read, so nothing writes the held company before
        // the move checks that it exists
        List<Person> known = QuarkusTransaction.requiringNew().call(() -> List.of(
                people.create(new People.NewPerson("Mover" + u, "Kim", null, null, "kim" + u + "@example.org", null,
                        null, null, null)),
                people.create(new People.NewPerson("Mover" + u, "Lee", null, null, "lee" + u + "@example.org", null,
                        null, null, null))));
        String company = "Zorvath" + u + " Logistics";
        String csv = csv(List.of(List.of("familyName", "givenName", "email", "organization"),
                List.of("Mover" + u, "Kim", "kim" + u + "@example.org", company),
                List.of("Mover" + u, "Lee", "lee" + u + "@example.org", company)));
        ImportRun run = jobs.importNow(csv.getBytes(StandardCharsets.UTF_8), "movers-" + u + ".csv", ImportKind.PEOPLE,
                null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(List.of(run.created, run.updated, run.merged, run.needsReview, run.unchanged, run.errors))
                .containsExactly(0, 2, 0, 0, 0, 0);
        QuarkusTransaction.requiringNew().run(() -> {
            Organization o = Organization.find("name", company).firstResult();
            for (Person p : known) {
                Person moved = Person.findById(p.id);
                assertThat(moved.organizationId).isEqualTo(o.id);
                assertThat(Employment.count("personId = ?1 and organizationId = ?2", p.id, o.id)).isEqualTo(1);
            }
        });
    }

    @Test
    void rowsALoaderWroteWithTheTablesAutoIncrementDoNotCollideOnceTheBlockIsMovedPast() throws SQLException {
        String u = letters();
        // this node holds a block: its next ids lie above the table's largest id so far
        Organization first = QuarkusTransaction.requiringNew().call(() -> organizations.create(
                company("Loaderfirst" + u)));
        List<Long> loaded = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO organization (name, name_key, verification,"
                     + " created_at, updated_at) VALUES (?, ?, 'UNVERIFIED', NOW(6), NOW(6))",
                     Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < 3; i++) {
                // no id: the table's AUTO_INCREMENT gives it, inside the block this node holds
                insert.setString(1, "Loaded" + u + letters(i));
                insert.setString(2, NameKeys.organization("Loaded" + u + letters(i)));
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    loaded.add(key.getLong(1));
                }
            }
        }
        assertThat(loaded).hasSize(3).allMatch(id -> id > first.id);

        idBlocks.movePast(Organization.class);

        assertThat(nextId()).isGreaterThan(loaded.get(2));
        Organization after = QuarkusTransaction.requiringNew().call(() -> organizations.create(
                company("Loaderafter" + u)));
        assertThat(after.id).isGreaterThan(loaded.get(2));
    }

    /** A company as a people file names it: its name only. */
    private static Organizations.NewOrganization company(String name) {
        return new Organizations.NewOrganization(name, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** A count read on a connection of its own, after the transactions above committed. */
    private long countNow(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(String sql, long id) {
        return ((Number) Organization.getEntityManager().createNativeQuery(sql).setParameter(1, id).getSingleResult())
                .longValue();
    }

    private long createEntries(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*)"
                + " FROM audit_log WHERE action = 'CREATE' AND entity_type = 'Organization' AND entity_id = ?")) {
            q.setString(1, String.valueOf(id));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long nextId() throws SQLException {
        return DatabaseCounts.nextId(dataSource, "organization");
    }

    private long comInsert() throws SQLException {
        return DatabaseCounts.comInsert(dataSource);
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    /** Letters only: a run of digits would be a name term of its own, shared by every name made with it. */
    private static String letters() {
        return letters(System.nanoTime());
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String letters(long seed) {
        return String.format("%09d", Math.floorMod(seed, 1_000_000_000L)).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    }
}
