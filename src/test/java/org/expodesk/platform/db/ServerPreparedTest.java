package org.expodesk.platform.db;

import com.mysql.cj.jdbc.JdbcConnection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

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

    private static void insertOne(Connection c, String sql, int no) throws SQLException {
        try (ServerPrepared.Lease lease = ServerPrepared.lease(c, sql)) {
            lease.statement().setInt(1, no);
            lease.statement().setString(2, "row " + no);
            lease.statement().executeUpdate();
        }
    }

    private static String text(int i) {
        return "INSERT INTO kept (no, text) VALUES (?, ?) /* text " + i + " */";
    }

    @Test
    void aStatementLeasedAgainInTheConnectionsNextTurnIsNotPreparedAgainAndKeepsNoValueOfTheLastLease()
            throws Exception {
        JdbcConnection physical;
        long prepared;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            physical = c.unwrap(JdbcConnection.class);
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                insertPair(lease.statement(), 1);
            }
            prepared = sessionStatus(s, "Com_stmt_prepare");
        }
        // back to the pool and out again, as the next batch's transaction takes it
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.unwrap(JdbcConnection.class)).as("the pool hands a thread the connection it last had")
                    .isSameAs(physical);
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                insertPair(lease.statement(), 3);
            }
            assertThat(sessionStatus(s, "Com_stmt_prepare")).as("prepared again").isEqualTo(prepared);
            assertThat(rows(s)).isEqualTo(4);
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
    void aStatementWhoseInsertFailedServesTheNextLease() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                insertPair(lease.statement(), 1);
            }
            long prepared = sessionStatus(s, "Com_stmt_prepare");
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                assertThatThrownBy(() -> insertPair(lease.statement(), 2)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Duplicate");
            }
            try (ServerPrepared.Lease lease = ServerPrepared.lease(c, INSERT)) {
                insertPair(lease.statement(), 5);
            }
            assertThat(sessionStatus(s, "Com_stmt_prepare")).isEqualTo(prepared);
            assertThat(rows(s)).isEqualTo(4);
        }
    }

    @Test
    void twoLeasesOfOneTextAtOnceHaveAStatementEachAndOneIsKept() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            JdbcConnection physical = c.unwrap(JdbcConnection.class);
            try (ServerPrepared.Lease warm = ServerPrepared.lease(c, INSERT)) {
                insertPair(warm.statement(), 1);
            }
            int keptBefore = ServerPrepared.keptOn(physical);
            try (ServerPrepared.Lease first = ServerPrepared.lease(c, INSERT);
                 ServerPrepared.Lease second = ServerPrepared.lease(c, INSERT)) {
                assertThat(second.statement()).isNotSameAs(first.statement());
                insertPair(first.statement(), 3);
                insertPair(second.statement(), 5);
            }
            assertThat(ServerPrepared.keptOn(physical)).isEqualTo(keptBefore);
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
                insertOne(c, text(i), i);
            }
            assertThat(ServerPrepared.keptOn(c.unwrap(JdbcConnection.class)))
                    .isEqualTo(ServerPrepared.KEPT_PER_CONNECTION);
            assertThat(sessionStatus(s, "Com_stmt_close") - closedBefore).isGreaterThanOrEqualTo(5);
            long prepared = sessionStatus(s, "Com_stmt_prepare");
            insertOne(c, text(texts - 1), 1_000);
            assertThat(sessionStatus(s, "Com_stmt_prepare")).as("the last text used, kept").isEqualTo(prepared);
            insertOne(c, text(0), 1_001);
            assertThat(sessionStatus(s, "Com_stmt_prepare")).as("the first text used, gone").isEqualTo(prepared + 1);
        }
    }

    @Test
    void aStatementOfManyPlaceholdersIsClosedWhenItsLeaseEnds() throws Exception {
        int pairs = ServerPrepared.MAX_KEPT_PLACEHOLDERS / 2 + 1;
        String large = "INSERT INTO kept (no, text) VALUES " + String.join(", ", Collections.nCopies(pairs, "(?, ?)"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            long preparedBefore = sessionStatus(s, "Com_stmt_prepare");
            for (int round = 0; round < 2; round++) {
                try (ServerPrepared.Lease lease = ServerPrepared.lease(c, large)) {
                    for (int i = 0; i < pairs; i++) {
                        lease.statement().setInt(2 * i + 1, round * pairs + i);
                        lease.statement().setString(2 * i + 2, "row " + i);
                    }
                    assertThat(lease.statement().executeUpdate()).isEqualTo(pairs);
                }
            }
            assertThat(sessionStatus(s, "Com_stmt_prepare") - preparedBefore).as("prepared for each lease")
                    .isEqualTo(2);
        }
    }

    @Test
    void aServerWithNoRoomForAnotherStatementStillGetsTheRows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            long allowed;
            try (ResultSet r = s.executeQuery("SELECT @@GLOBAL.max_prepared_stmt_count")) {
                r.next();
                allowed = r.getLong(1);
            }
            s.execute("SET GLOBAL max_prepared_stmt_count = 0");
            try {
                insertOne(c, text(-1), 7);
            } finally {
                s.execute("SET GLOBAL max_prepared_stmt_count = " + allowed);
            }
            assertThat(rows(s)).isEqualTo(1);
            assertThat(ServerPrepared.keptOn(c.unwrap(JdbcConnection.class))).as("what it kept, given back")
                    .isZero();
        }
    }

    @Test
    void whatAConnectionKeptIsForgottenWhenThePoolDestroysIt() throws Exception {
        JdbcConnection physical;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            keptTable(s);
            physical = c.unwrap(JdbcConnection.class);
            insertOne(c, text(0), 1);
            assertThat(ServerPrepared.remembers(physical)).isTrue();
        }
        dataSource.flush(AgroalDataSource.FlushMode.IDLE);
        long until = System.nanoTime() + 5_000_000_000L;
        while (ServerPrepared.remembers(physical) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(physical.isClosed()).isTrue();
        assertThat(ServerPrepared.remembers(physical)).isFalse();
    }
}
