package org.expodesk.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizations' change log is pruned of rows older than a day, but its newest row is kept whatever its age: a
 * server that sets its counter from the highest row after a restart then never hands out a seq a reader saw (ADR 0030).
 */
@QuarkusTest
class OrganizationChangeLogTest {

    @Inject
    OrganizationChangeLog log;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pruningDropsRowsOlderThanADayButKeepsTheNewestRowAndEveryRecentOne() throws Exception {
        long old;
        long recent;
        long newestButOld;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            old = insert(c, null, "NOW(6) - INTERVAL 2 DAY");
            recent = insert(c, null, "NOW(6)");
            try (ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM organization_change")) {
                rs.next();
                newestButOld = insert(c, rs.getLong(1) + 10, "NOW(6) - INTERVAL 3 DAY");
            }
        }

        log.prune();

        assertThat(present(old)).isFalse();
        assertThat(present(recent)).isTrue();
        assertThat(present(newestButOld)).isTrue();
    }

    private static long insert(Connection c, Long seq, String changedAt) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO organization_change (seq, organization_id,"
                + " changed_at) VALUES (?, 1, " + changedAt + ")", Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, seq);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private boolean present(long seq) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM organization_change WHERE seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
