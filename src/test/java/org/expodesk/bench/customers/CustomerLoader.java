package org.expodesk.bench.customers;

import org.expodesk.party.NameKeys;
import org.expodesk.party.SearchIndex;
import org.expodesk.party.SearchTerms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes {@link CustomerData} into the application's tables straight through JDBC (batched
 * multi-row INSERTs: Connector/J's {@code rewriteBatchedStatements}), computing name keys and
 * search terms with the application's own {@link NameKeys} and {@link SearchTerms}, so the rows
 * are what the application would have written. A database that already holds this very data set
 * (table {@code bench_dataset}: generator version, seed and counts, and the row counts agree) is kept
 * as it is.
 *
 * <p>The column lists are here and only here ({@link #ORGANIZATION}, {@link #PERSON},
 * {@link #EMPLOYMENT}): a new column of those tables gets one line below.
 */
public final class CustomerLoader {

    /** One column and how its value comes from a generated record. */
    public record Column<T>(String name, Function<T, Object> value) {
    }

    private static final Timestamp CREATED = Timestamp.from(Instant.parse("2026-01-05T08:00:00Z"));
    private static final java.sql.Date FROM_DAY = java.sql.Date.valueOf(LocalDate.of(2024, 3, 1));

    public static final List<Column<CustomerData.Org>> ORGANIZATION = List.of(
            new Column<>("id", CustomerData.Org::id),
            new Column<>("name", CustomerData.Org::name),
            new Column<>("name_latin", CustomerData.Org::nameLatin),
            new Column<>("credit_code", o -> o.creditCode() == null ? null
                    : o.creditCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT)),
            new Column<>("country", CustomerData.Org::country),
            new Column<>("province", CustomerData.Org::province),
            new Column<>("city", CustomerData.Org::city),
            new Column<>("website", CustomerData.Org::website),
            new Column<>("domain", CustomerData.Org::domain),
            new Column<>("phone", CustomerData.Org::phone),
            new Column<>("phone_e164", o -> org.expodesk.party.Phones.e164(o.phone(), o.country())),
            new Column<>("email", CustomerData.Org::email),
            new Column<>("industry", CustomerData.Org::industry),
            new Column<>("company_size", CustomerData.Org::companySize),
            new Column<>("verification", o -> "UNVERIFIED"),
            new Column<>("name_key", o -> NameKeys.organization(o.name())),
            new Column<>("created_at", o -> CREATED),
            new Column<>("updated_at", o -> CREATED),
            new Column<>("version", o -> 0));

    public static final List<Column<CustomerData.Person>> PERSON = List.of(
            new Column<>("id", CustomerData.Person::id),
            new Column<>("family_name", CustomerData.Person::familyName),
            new Column<>("given_name", CustomerData.Person::givenName),
            new Column<>("eastern_order", CustomerData.Person::easternOrder),
            new Column<>("job_title", CustomerData.Person::jobTitle),
            // stored as the application stores it: trimmed, lower case
            new Column<>("email", p -> p.email() == null ? null : p.email().trim().toLowerCase(Locale.ROOT)),
            new Column<>("phone", CustomerData.Person::phone),
            // read as the app reads a number typed without +: in the default region
            new Column<>("phone_e164", p -> org.expodesk.party.Phones.e164(p.phone(), null)),
            new Column<>("organization_id", CustomerData.Person::organizationId),
            new Column<>("language", CustomerData.Person::language),
            new Column<>("name_key", p -> NameKeys.person(p.familyName(), p.givenName())),
            new Column<>("created_at", p -> CREATED),
            new Column<>("updated_at", p -> CREATED),
            new Column<>("version", p -> 0));

    /** The person's current job; the employment's id is the person's. */
    public static final List<Column<CustomerData.Person>> EMPLOYMENT = List.of(
            new Column<>("id", CustomerData.Person::id),
            new Column<>("person_id", CustomerData.Person::id),
            new Column<>("organization_id", CustomerData.Person::organizationId),
            new Column<>("job_title", CustomerData.Person::jobTitle),
            new Column<>("from_day", p -> FROM_DAY));

    private static final int BATCH = 1000;

    private CustomerLoader() {
    }

    public record Outcome(boolean reused, long organizations, long people, long terms, double seconds) {
    }

    /** Loads the data set unless the database already holds it. */
    public static Outcome ensure(Connection connection, CustomerData data) throws SQLException {
        CustomerData.Options o = data.options();
        long started = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_dataset (version INT NOT NULL, seed BIGINT NOT NULL,"
                    + " organizations INT NOT NULL, people INT NOT NULL, duplicate_share DOUBLE NOT NULL,"
                    + " alike_share DOUBLE NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM bench_dataset WHERE version = "
                    + CustomerData.VERSION + " AND seed = " + o.seed()
                    + " AND organizations = " + o.organizations() + " AND people = " + data.peopleInDatabase()
                    + " AND duplicate_share = " + o.duplicateShare() + " AND alike_share = " + o.alikeShare()
                    + "), (SELECT COUNT(*) FROM organization), (SELECT COUNT(*) FROM person),"
                    + " (SELECT COUNT(*) FROM search_term)")) {
                rs.next();
                if (rs.getLong(1) == 1 && rs.getLong(2) == o.organizations() && rs.getLong(3) == data.peopleInDatabase()) {
                    return new Outcome(true, rs.getLong(2), rs.getLong(3), rs.getLong(4), seconds(started));
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            s.execute("SET SESSION unique_checks = 0");
            for (String table : List.of("bench_dataset", "search_term", "dedup_candidate", "merge_log", "employment",
                    "participation", "interaction", "ticket", "person")) {
                s.execute("DELETE FROM " + table);
            }
            s.execute("UPDATE user_account SET organization_id = NULL");
            s.execute("DELETE FROM organization");
            connection.commit();

            long terms = 0;
            try (PreparedStatement orgs = connection.prepareStatement(insert("organization", ORGANIZATION));
                 PreparedStatement termRows = connection.prepareStatement(SearchIndex.INSERT)) {
                for (int i = 0; i < o.organizations(); i++) {
                    CustomerData.Org org = data.organization(i);
                    bind(orgs, ORGANIZATION, org);
                    terms += terms(termRows, SearchIndex.ORGANIZATION, org.id(),
                            SearchTerms.organization(org.name(), org.nameLatin(), org.phone()));
                    if ((i + 1) % BATCH == 0) {
                        flush(connection, orgs, termRows);
                    }
                }
                flush(connection, orgs, termRows);
            }
            try (PreparedStatement people = connection.prepareStatement(insert("person", PERSON));
                 PreparedStatement jobs = connection.prepareStatement(insert("employment", EMPLOYMENT));
                 PreparedStatement termRows = connection.prepareStatement(SearchIndex.INSERT)) {
                for (int i = 0; i < data.peopleInDatabase(); i++) {
                    CustomerData.Person p = data.anyPerson(i);
                    bind(people, PERSON, p);
                    bind(jobs, EMPLOYMENT, p);
                    terms += terms(termRows, SearchIndex.PERSON, p.id(),
                            SearchTerms.person(p.familyName(), p.givenName(), p.phone()));
                    if ((i + 1) % BATCH == 0) {
                        flush(connection, people, jobs, termRows);
                    }
                }
                flush(connection, people, jobs, termRows);
            }
            s.execute("INSERT INTO bench_dataset VALUES (" + CustomerData.VERSION + ", " + o.seed() + ", "
                    + o.organizations() + ", " + data.peopleInDatabase()
                    + ", " + o.duplicateShare() + ", " + o.alikeShare() + ")");
            connection.commit();
            s.execute("SET SESSION foreign_key_checks = 1");
            s.execute("SET SESSION unique_checks = 1");
            s.execute("ANALYZE TABLE organization, person, employment, search_term");
            return new Outcome(false, o.organizations(), data.peopleInDatabase(), terms, seconds(started));
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Puts back as generated the generated organizations and people that something changed since they were
     * loaded (a version above 0, or another update time): an import fills gaps of, and updates, the records it
     * matches, and a benchmark run must leave the data set as it found it. Each such record is written again
     * whole (deleted and inserted, so the columns the loader leaves to their defaults are reset too), with its
     * search terms; returns how many organizations and people were put back. Foreign key checks must be off.
     */
    public static long[] restoreChanged(Connection connection, CustomerData data) throws SQLException {
        List<Long> organizations = changed(connection, "organization", data.options().organizations());
        List<Long> people = changed(connection, "person", data.peopleInDatabase());
        try (PreparedStatement deleteOrg = connection.prepareStatement("DELETE FROM organization WHERE id = ?");
             PreparedStatement insertOrg = connection.prepareStatement(insert("organization", ORGANIZATION));
             PreparedStatement deletePerson = connection.prepareStatement("DELETE FROM person WHERE id = ?");
             PreparedStatement insertPerson = connection.prepareStatement(insert("person", PERSON));
             PreparedStatement deleteTerms = connection.prepareStatement(
                     "DELETE FROM search_term WHERE party_type = ? AND party_id = ?");
             PreparedStatement termRows = connection.prepareStatement(SearchIndex.INSERT)) {
            for (long id : organizations) {
                CustomerData.Org org = data.organization((int) id - 1);
                deleteOrg.setLong(1, id);
                deleteOrg.addBatch();
                bind(insertOrg, ORGANIZATION, org);
                deleteTerms.setString(1, SearchIndex.ORGANIZATION);
                deleteTerms.setLong(2, id);
                deleteTerms.addBatch();
                terms(termRows, SearchIndex.ORGANIZATION, id, SearchTerms.organization(org.name(), org.nameLatin(), org.phone()));
            }
            for (long id : people) {
                CustomerData.Person p = data.anyPerson((int) id - 1);
                deletePerson.setLong(1, id);
                deletePerson.addBatch();
                bind(insertPerson, PERSON, p);
                deleteTerms.setString(1, SearchIndex.PERSON);
                deleteTerms.setLong(2, id);
                deleteTerms.addBatch();
                terms(termRows, SearchIndex.PERSON, id, SearchTerms.person(p.familyName(), p.givenName(), p.phone()));
            }
            deleteOrg.executeBatch();
            deletePerson.executeBatch();
            deleteTerms.executeBatch();
            insertOrg.executeBatch();
            insertPerson.executeBatch();
            termRows.executeBatch();
        }
        return new long[] {organizations.size(), people.size()};
    }

    /** The generated records of a table (ids up to {@code generated}) changed since they were loaded. */
    private static List<Long> changed(Connection connection, String table, long generated) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT id FROM " + table
                + " WHERE id <= ? AND (version <> 0 OR updated_at <> ?)")) {
            q.setLong(1, generated);
            q.setTimestamp(2, CREATED);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    static String insert(String table, List<? extends Column<?>> columns) {
        return "INSERT INTO " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static <T> void bind(PreparedStatement insert, List<Column<T>> columns, T row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            insert.setObject(i + 1, columns.get(i).value().apply(row));
        }
        insert.addBatch();
    }

    private static int terms(PreparedStatement insert, String type, long id, Set<String> terms) throws SQLException {
        for (String term : terms) {
            insert.setString(1, type);
            insert.setLong(2, id);
            insert.setString(3, term);
            insert.addBatch();
        }
        return terms.size();
    }

    private static void flush(Connection connection, PreparedStatement... inserts) throws SQLException {
        for (PreparedStatement insert : inserts) {
            insert.executeBatch();
        }
        connection.commit();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
