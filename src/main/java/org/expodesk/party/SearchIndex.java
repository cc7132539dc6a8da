package org.expodesk.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/**
 * Keeps {@code search_term} in step with organizations and people (docs/search.md): called by
 * {@link SearchIndexListener} whenever one is created, changed (renamed, merged, merge undone,
 * erased) or deleted, with plain JDBC in the caller's transaction, so a rolled-back change leaves
 * the index as it was. Merged organizations and erased people have no terms: the index cannot
 * bring them back.
 */
@ApplicationScoped
@Unremovable
public class SearchIndex {

    public static final String ORGANIZATION = "O";
    public static final String PERSON = "P";
    static final String DELETE = "DELETE FROM search_term WHERE party_type = ? AND party_id = ?";
    public static final String INSERT = "INSERT INTO search_term (party_type, party_id, term) VALUES (?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    void index(Organization o) {
        write(ORGANIZATION, o.id, o.mergedInto != null ? Set.of() : SearchTerms.organization(o.name, o.nameLatin, o.phone));
    }

    void index(Person p) {
        write(PERSON, p.id, Privacy.isErased(p) ? Set.of() : SearchTerms.person(p.familyName, p.givenName, p.phone));
    }

    void forget(String type, long id) {
        write(type, id, Set.of());
    }

    private void write(String type, long id, Set<String> terms) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            delete.setString(1, type);
            delete.setLong(2, id);
            delete.executeUpdate();
            for (String term : terms) {
                insert.setString(1, type);
                insert.setLong(2, id);
                insert.setString(3, term);
                insert.addBatch();
            }
            if (!terms.isEmpty()) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the search index", e);
        }
    }
}
