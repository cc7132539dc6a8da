package db.migration;

import org.expodesk.party.SearchIndex;
import org.expodesk.party.SearchTerms;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The search index of the customer database (docs/search.md): a term table, and its backfill
 * from the organizations and people already there, cut into terms by the same Java code that
 * keeps it up to date afterwards ({@code party.SearchIndex}); SQL alone cannot fold names or
 * cut Chinese names into character pairs the same way. Merged organizations and people, and
 * erased people, get no terms.
 */
public class V16__search_terms extends BaseJavaMigration {

    private static final int BATCH = 2000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            // binary collation: terms are already folded, and a prefix LIKE must be a plain range scan
            ddl.execute("""
                    CREATE TABLE search_term (
                        party_type CHAR(1)     NOT NULL,
                        term       VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
                        party_id   BIGINT      NOT NULL,
                        PRIMARY KEY (party_type, term, party_id),
                        INDEX ix_search_term_party (party_type, party_id)
                    ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""");
        }
        try (PreparedStatement insert = connection.prepareStatement(SearchIndex.INSERT)) {
            int[] pending = {0};
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery(
                         "SELECT id, name, name_latin, phone FROM organization WHERE merged_into IS NULL")) {
                while (rows.next()) {
                    add(insert, pending, SearchIndex.ORGANIZATION, rows.getLong(1),
                            SearchTerms.organization(rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery("SELECT id, family_name, given_name, phone FROM person"
                         + " WHERE name_key <> CONCAT('erased', id) AND merged_into IS NULL")) {
                while (rows.next()) {
                    add(insert, pending, SearchIndex.PERSON, rows.getLong(1),
                            SearchTerms.person(rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, int[] pending, String type, long id, Set<String> terms)
            throws SQLException {
        for (String term : terms) {
            insert.setString(1, type);
            insert.setLong(2, id);
            insert.setString(3, term);
            insert.addBatch();
            if (++pending[0] % BATCH == 0) {
                insert.executeBatch();
            }
        }
    }
}
