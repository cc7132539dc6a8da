package org.expodesk.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class ServerPreparedTest {

    private static final String INSERT = "INSERT INTO kept (no, text) VALUES (?, ?), (?, ?)";

    @Inject
    AgroalDataSource dataSource;

    private static void keptTable(Statement s) throws SQLException {
        // a pooled connection keeps its temporary tables: each test starts from an empty one
        s.execute("DROP TEMPORARY TABLE IF EXISTS kept");
        s.execute("CREATE TEMPORARY TABLE kept (no INT PRIMARY KEY, text VARCHAR(20) NOT NULL)");
    }

    private static long sessionStatus(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            r.next();
            return r.getLong(2);
        }
    }

    private static int rows(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM kept")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void insertPair(PreparedStatement insert, int first) throws SQLException {
        insert.setInt(1, first);
        insert.setString(2, "row " + first);
        insert.setInt(3, first + 1);
        insert.setString(4, "row " + (first + 1));
        assertThat(insert.executeUpdate()).isEqualTo(2);
    }

    @Test
    void aStatementLeasedAgainOnItsConnectionIsNotPreparedAgainAndKeepsNoValueOfTheLastLease() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                insertPair(lease.statement(), 1);
            }
            long prepared = sessionStatus(s, "Com_stmt_prepare");
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                insertPair(lease.statement(), 3);
            }
            assertThat(sessionStatus(s, "Com_stmt_prepare")).as("prepared again").isEqualTo(prepared);
            try (ResultSet r = s.executeQuery("SELECT GROUP_CONCAT(text ORDER BY no) FROM kept")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("row 1,row 2,row 3,row 4");
            }
            // the last lease's values, were they kept, would write rows 3 and 4 again
            s.execute("DELETE FROM kept WHERE no > 2");
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                assertThatThrownBy(() -> lease.statement().executeUpdate()).isInstanceOf(SQLException.class)
                        .hasMessageContaining("No value specified");
            }
            assertThat(rows(s)).isEqualTo(2);
        }
    }

    @Test
    void twoLeasesOfOneTextAtOnceHaveAStatementEachAndOneIsKept() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            int keptBefore;
            try (ServerPrepared.Lease warm = ServerPrepared.lease(c, INSERT)) {
                insertPair(warm.statement(), 1);
            }
            keptBefore = ServerPrepared.keptOn(c);
            try (ServerPrepared.Lease first = ServerPrepared.lease(c, INSERT);
                 ServerPrepared.Lease second = ServerPrepared.lease(c, INSERT)) {
                assertThat(second.statement()).isNotSameAs(first.statement());
                insertPair(first.statement(), 3);
                insertPair(second.statement(), 5);
            }
            assertThat(ServerPrepared.keptOn(c)).isEqualTo(keptBefore);
            assertThat(rows(s)).isEqualTo(6);
        }
    }

    @Test
    void beyondItsShareAConnectionClosesTheLeastRecentlyUsedStatementOnTheServer() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            long closedBefore = sessionStatus(s, "Com_stmt_close");
            int texts = ServerPrepared.KEPT_PER_CONNECTION + 5;
            for (int i = 0; i < texts; i++) {
                try (ServerPrepared.Lease lease = ServerPrepared.lease(c,
                        "INSERT INTO kept (no, text) VALUES (?, ?) /* text " + i + " */")) {
                    lease.statement().setInt(1, i);
                    lease.statement().setString(2, "row " + i);
                    lease.statement().executeUpdate();
                }
            }
            assertThat(ServerPrepared.keptOn(c)).isEqualTo(ServerPrepared.KEPT_PER_CONNECTION);
            assertThat(sessionStatus(s, "Com_stmt_close") - closedBefore).isGreaterThanOrEqualTo(5);
        }
    }
}
