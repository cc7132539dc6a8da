package org.expodesk.platform.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reading the DATETIME(6) columns in plain JDBC, which hold UTC (docs/architecture.md, "Database"). */
public final class UtcColumns {

    private UtcColumns() {
    }

    /**
     * The column's instant, or null, as the UTC date-time it holds (as Hibernate's {@code normalize-utc} writes
     * it): Connector/J reads a {@code LocalDateTime} without the {@code SimpleDateFormat} a {@code Timestamp} costs.
     */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
