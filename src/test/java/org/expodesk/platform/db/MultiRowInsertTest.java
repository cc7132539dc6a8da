package org.expodesk.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class MultiRowInsertTest {

    @Inject
    AgroalDataSource dataSource;

    private record Row(int no, String text, Long number, BigDecimal score, Boolean flag, byte[] bytes,
                       LocalDate day, LocalDateTime at, Timestamp stamp) {
    }

    private static final String INTO = "INSERT INTO scratch (no, text, number, score, flag, bytes, day, at, stamp)";

    /** The stamp as a {@code Timestamp} in even rows and as an {@code Instant} in odd ones: both are written as UTC. */
    private static Object[] values(Row r) {
        return new Object[]{r.no(), r.text(), r.number(), r.score(), r.flag(), r.bytes(), r.day(), r.at(),
                r.stamp() == null || r.no() % 2 == 0 ? r.stamp() : r.stamp().toInstant()};
    }

    private static void scratchTable(Statement s) throws Exception {
        // a pooled connection keeps its temporary tables: each test starts from an empty one
        s.execute("DROP TEMPORARY TABLE IF EXISTS scratch");
        s.execute("CREATE TEMPORARY TABLE scratch (id BIGINT AUTO_INCREMENT PRIMARY KEY, no INT NOT NULL UNIQUE,"
                + " text LONGTEXT NULL, number BIGINT NULL, score DECIMAL(5,4) NULL, flag BOOLEAN NULL,"
                + " bytes VARBINARY(32) NULL, day DATE NULL, at DATETIME(6) NULL, stamp DATETIME(6) NULL)");
    }

    private static long inserts(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_insert'")) {
            r.next();
            return r.getLong(2);
        }
    }

    @Test
    void writesEveryRowInOrderAThousandToAStatementWithEveryKindOfValue() throws Exception {
        writesEveryRowInOrder(false);
    }

    @Test
    void preparedOnTheServerItWritesTheSameRowsAndValues() throws Exception {
        writesEveryRowInOrder(true);
    }

    private void writesEveryRowInOrder(boolean onServer) throws Exception {
        List<Row> rows = IntStream.range(0, 2 * MultiRowInsert.MAX_ROWS + 50).mapToObj(i -> i % 7 == 0
                ? new Row(i, null, null, null, null, null, null, null, null)
                : new Row(i, "名字 " + i + " it's \\ \"quoted\"", (long) i * 1_000_000_007L, new BigDecimal("0.8125"),
                        i % 2 == 0, new byte[]{(byte) i, 0, (byte) 0xFF}, LocalDate.of(2026, 1, 1).plusDays(i),
                        LocalDateTime.of(2026, 11, 23, 21, 0).plusNanos(i * 1_000L),
                        Timestamp.from(Instant.parse("2026-03-04T05:06:07.123456Z").plusSeconds(i)))).toList();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            scratchTable(s);
            long before = inserts(s);
            long affected = onServer ? MultiRowInsert.writePreparedOnServer(c, INTO, "", rows, MultiRowInsertTest::values)
                    : MultiRowInsert.write(c, INTO, "", rows, MultiRowInsertTest::values);
            assertThat(affected).isEqualTo(rows.size());
            if (onServer) {
                assertThat(inserts(s) - before).as("statements of a power of two of rows: 512, 512, 512, 512 and 2")
                        .isEqualTo(5);
            } else {
                assertThat(inserts(s) - before).as("statements: two full ones and one of 50 rows").isEqualTo(3);
            }
            try (ResultSet r = s.executeQuery("SELECT id, no, text, number, score, flag, bytes, day, at,"
                    + " DATE_FORMAT(stamp, '%Y-%m-%d %H:%i:%s.%f') FROM scratch ORDER BY id")) {
                long lastId = 0;
                for (Row expected : rows) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getLong(1)).as("ids in the rows' order").isGreaterThan(lastId);
                    lastId = r.getLong(1);
                    assertThat(r.getInt(2)).isEqualTo(expected.no());
                    assertThat(r.getString(3)).isEqualTo(expected.text());
                    assertThat(r.getObject(4, Long.class)).isEqualTo(expected.number());
                    assertThat(r.getBigDecimal(5)).isEqualTo(expected.score());
                    assertThat(r.getObject(6, Boolean.class)).isEqualTo(expected.flag());
                    assertThat(r.getBytes(7)).isEqualTo(expected.bytes());
                    assertThat(r.getObject(8, LocalDate.class)).isEqualTo(expected.day());
                    assertThat(r.getObject(9, LocalDateTime.class)).isEqualTo(expected.at());
                    assertThat(r.getString(10)).isEqualTo(expected.stamp() == null ? null
                            : "2026-03-04 05:" + String.format("%02d:%02d", 6 + (7 + expected.no()) / 60,
                            (7 + expected.no()) % 60) + ".123456");
                }
                assertThat(r.next()).isFalse();
            }
        }
    }

    @Test
    void aStatementStopsBeforeItsValuesOutgrowTheServersPacketAndTheTailAppliesToEveryRow() throws Exception {
        // 700,000 characters count 2.1 MB: two rows fit in the 4 MB a statement takes, a third does not
        String large = "x".repeat(700_000);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new Row(i, large + i, (long) i, null, null, null, null, null, null));
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            scratchTable(s);
            long before = inserts(s);
            MultiRowInsert.write(c, INTO, "", rows, MultiRowInsertTest::values);
            assertThat(inserts(s) - before).as("a statement of one row each: 2.1 MB and 2.1 MB exceed 4 MB").isEqualTo(5);
            s.execute("DELETE FROM scratch");
            before = inserts(s);
            MultiRowInsert.writePreparedOnServer(c, INTO, "", rows, MultiRowInsertTest::values);
            assertThat(inserts(s) - before).as("prepared on the server, the same").isEqualTo(5);
            List<Row> again = rows.stream().map(r -> new Row(r.no(), "again", -r.number(), null, null, null, null, null,
                    null)).toList();
            MultiRowInsert.write(c, INTO, " ON DUPLICATE KEY UPDATE number = VALUES(number)", again,
                    MultiRowInsertTest::values);
            try (ResultSet r = s.executeQuery("SELECT no, number, LENGTH(text) FROM scratch ORDER BY no")) {
                for (int i = 0; i < 5; i++) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getLong(2)).isEqualTo(-i);
                    assertThat(r.getLong(3)).as("the text kept whole").isEqualTo(700_001);
                }
                assertThat(r.next()).isFalse();
            }
        }
    }

    @Test
    void rowsOfDifferentLengthsOrValuesOfNoKnownTypeAreRefused() {
        assertThat(MultiRowInsert.sql("INSERT INTO t (a, b)", "", 2, 3)).isEqualTo(
                "INSERT INTO t (a, b) VALUES (?,?),(?,?),(?,?)");
        assertThatThrownBy(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                scratchTable(s);
                MultiRowInsert.write(c, "INSERT INTO scratch (no, text)", "", List.of(1, 2),
                        i -> i == 1 ? new Object[]{i, "one"} : new Object[]{i});
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 values");
        assertThatThrownBy(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                scratchTable(s);
                MultiRowInsert.write(c, "INSERT INTO scratch (no, text)", "", List.of(1),
                        i -> new Object[]{i, new Object()});
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no binding for java.lang.Object");
    }

    @Test
    void preparedOnTheServerAWideRowSplitsStatementsBeforeTheirPlaceholdersOutnumberTheServersLimit() throws Exception {
        int columns = 140; // 512 rows would be 71,680 placeholders: 468 fit in 65,535
        String names = String.join(", ", IntStream.range(0, columns).mapToObj(i -> "c" + i).toList());
        List<Integer> rows = IntStream.range(0, 1_000).boxed().toList();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TEMPORARY TABLE IF EXISTS wide");
            s.execute("CREATE TEMPORARY TABLE wide (" + String.join(", ", IntStream.range(0, columns)
                    .mapToObj(i -> "c" + i + " INT NOT NULL").toList()) + ")");
            long before = inserts(s);
            long affected = MultiRowInsert.writePreparedOnServer(c, "INSERT INTO wide (" + names + ")", "", rows,
                    r -> IntStream.range(0, columns).mapToObj(i -> (Object) (r * columns + i)).toArray());
            assertThat(affected).isEqualTo(1_000);
            assertThat(inserts(s) - before).as("statements: 256, 256, 256, 128, 64, 32 and 8 rows").isEqualTo(7);
            try (ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(c139) FROM wide")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(1_000);
                assertThat(r.getLong(2)).isEqualTo(IntStream.range(0, 1_000).mapToLong(i -> i * 140L + 139).sum());
            }
        }
    }
}
