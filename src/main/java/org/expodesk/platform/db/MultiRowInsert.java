package org.expodesk.platform.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Many rows written as multi-row {@code INSERT … VALUES (…), (…)} statements built here, a thousand rows (or about
 * 4 MB) to a statement, in the rows' order; prepared on the server, 512 at most, a power of two each. Connector/J's
 * rewriting of a JDBC batch sends the same statements, but before sending it sizes the batch by encoding every value
 * once more (dates formatted, strings escaped): 4 % of an import chunk's own samples went there (docs/import.md,
 * "Round 6").
 */
public final class MultiRowInsert {

    /** Rows a statement carries at most. */
    static final int MAX_ROWS = 1000;

    /** Placeholders a statement prepared on the server may have (MySQL and MariaDB: a 16-bit count). */
    static final int MAX_PLACEHOLDERS = 65_535;

    /**
     * What a statement's values may take at most, counting 3 bytes a character (UTF-8 of the basic plane): well
     * below the smallest {@code max_allowed_packet} a server ships with (MariaDB's 16 MB), escaping included.
     */
    static final long MAX_BYTES = 4L << 20;

    private MultiRowInsert() {
    }

    /**
     * Inserts {@code rows}, {@code values} giving each one's column values in the order {@code into} names the
     * columns ({@code "INSERT INTO t (a, b)"}); {@code tail} follows the values (e.g. {@code ON DUPLICATE KEY
     * UPDATE …}), or is empty. Values: {@code String}, {@code Long}, {@code Integer}, {@code Boolean},
     * {@code BigDecimal}, {@code byte[]}, {@code Instant} or {@code Timestamp} (written as UTC date-times),
     * other {@code java.time} values, or {@code null}. Returns the affected rows.
     */
    public static <T> long write(Connection connection, String into, String tail, List<T> rows,
                                 Function<T, Object[]> values) throws SQLException {
        return write(connection, into, tail, rows, values, false);
    }

    /**
     * {@link #write}, each statement prepared on the server ({@link ServerPrepared}) and kept on the connection for
     * the next insert of as many rows, which is always a power of two (61 rows: 32, 16, 8, 4 and 1): for rows
     * carrying long texts full of quotes, such as audit snapshots, which the driver would otherwise escape into the
     * statement.
     */
    public static <T> long writePreparedOnServer(Connection connection, String into, String tail, List<T> rows,
                                                 Function<T, Object[]> values) throws SQLException {
        return write(connection, into, tail, rows, values, true);
    }

    private static <T> long write(Connection connection, String into, String tail, List<T> rows,
                                  Function<T, Object[]> values, boolean onServer) throws SQLException {
        List<Object[]> all = new ArrayList<>(rows.size());
        for (T row : rows) {
            Object[] rowValues = values.apply(row);
            if (!all.isEmpty() && rowValues.length != all.get(0).length) {
                // refused before a statement is sent
                throw new IllegalArgumentException("row " + all.size() + " has " + rowValues.length + " values, not "
                        + all.get(0).length);
            }
            all.add(rowValues);
        }
        long affected = 0;
        int from = 0;
        while (from < all.size()) {
            int to = from;
            long bytes = 0;
            int maxRows = Math.min(MAX_ROWS, MAX_PLACEHOLDERS / Math.max(1, all.get(from).length));
            while (to < all.size() && to - from < maxRows) {
                long size = estimate(all.get(to));
                if (to > from && bytes + size > MAX_BYTES) {
                    break;
                }
                bytes += size;
                to++;
            }
            if (onServer) {
                // a power of two of rows: a few texts serve every count, each kept on the connection (ADR 0036)
                to = from + Integer.highestOneBit(to - from);
            }
            int columns = all.get(from).length;
            String sql = sql(into, tail, columns, to - from);
            try (ServerPrepared.Lease lease = onServer ? ServerPrepared.lease(connection, sql)
                    : ServerPrepared.Lease.once(connection.prepareStatement(sql))) {
                PreparedStatement insert = lease.statement();
                int index = 1;
                for (int r = from; r < to; r++) {
                    for (Object value : all.get(r)) {
                        bind(insert, index++, value);
                    }
                }
                affected += insert.executeUpdate();
            }
            from = to;
        }
        return affected;
    }

    static String sql(String into, String tail, int columns, int rows) {
        StringBuilder row = new StringBuilder(columns * 2 + 1).append('(');
        for (int c = 0; c < columns; c++) {
            row.append(c == 0 ? "?" : ",?");
        }
        row.append(')');
        StringBuilder sql = new StringBuilder(into.length() + tail.length() + rows * (row.length() + 1) + 8)
                .append(into).append(" VALUES ");
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sql.append(',');
            }
            sql.append(row);
        }
        return sql.append(tail).toString();
    }

    private static long estimate(Object[] row) {
        long size = 0;
        for (Object value : row) {
            size += value instanceof String s ? 3L * s.length() + 2 : value instanceof byte[] b ? 2L * b.length + 3 : 32;
        }
        return size;
    }

    private static void bind(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            insert.setString(index, s);
        } else if (value instanceof Long l) {
            insert.setLong(index, l);
        } else if (value instanceof Integer i) {
            insert.setInt(index, i);
        } else if (value instanceof Boolean b) {
            insert.setBoolean(index, b);
        } else if (value instanceof BigDecimal d) {
            insert.setBigDecimal(index, d);
        } else if (value instanceof byte[] b) {
            insert.setBytes(index, b);
        } else if (value instanceof java.time.Instant t) {
            UtcColumns.bind(insert, index, t);
        } else if (value instanceof java.sql.Timestamp t) {
            UtcColumns.bind(insert, index, t.toInstant());
        } else if (value instanceof java.time.temporal.Temporal) {
            insert.setObject(index, value);
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass().getName());
        }
    }
}
