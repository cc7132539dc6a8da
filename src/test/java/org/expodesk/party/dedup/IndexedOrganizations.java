package org.expodesk.party.dedup;

import io.agroal.api.AgroalDataSource;
import org.expodesk.party.NameKeys;
import org.expodesk.party.SearchIndex;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Many live organizations holding one made-up name term, written straight into the tables (a block cut at
 * 200 needs hundreds; made through the API each would go through the duplicate check): each row has a name of
 * its own, and the index holds only the term given for it.
 */
final class IndexedOrganizations {

    private IndexedOrganizations() {
    }

    /** Creates {@code count} organizations holding {@code term}, in the order of their ids. */
    static List<Long> create(AgroalDataSource dataSource, String term, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement organization = c.prepareStatement("INSERT INTO organization (name, name_key,"
                     + " verification, created_at, updated_at) VALUES (?, ?, 'UNVERIFIED', NOW(6), NOW(6))",
                     Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < count; i++) {
                organization.setString(1, term + " made up " + i);
                organization.setString(2, NameKeys.organization(term + " made up " + i));
                organization.executeUpdate();
                try (ResultSet keys = organization.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        // written past IdBlocks (the table's AUTO_INCREMENT): the next organization ids come from above them (ADR 0029)
        io.quarkus.arc.Arc.container().instance(org.expodesk.audit.IdBlocks.class).get()
                .movePast(org.expodesk.party.Organization.class);
        hold(dataSource, term, ids);
        return ids;
    }

    /** Adds {@code term} to the index entries of these organizations. */
    static void hold(AgroalDataSource dataSource, String term, List<Long> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement index = c.prepareStatement(SearchIndex.INSERT)) {
            for (long id : ids) {
                index.setString(1, SearchIndex.ORGANIZATION);
                index.setLong(2, id);
                index.setString(3, term);
                index.addBatch();
            }
            index.executeBatch();
        }
    }
}
