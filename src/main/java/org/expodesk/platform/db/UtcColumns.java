package org.expodesk.platform.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writing and reading the DATETIME(6) columns, which hold UTC (docs/architecture.md, "Database"), in plain JDBC and
 * for Hibernate ({@link UtcTimestampAsText}).
 */
public final class UtcColumns {

    /** Years of fewer or more than four digits, which no column here holds but which are still written as asked. */
    private static final java.time.format.DateTimeFormatter FAR =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", java.util.Locale.ROOT);

    private UtcColumns() {
    }

    /**
     * The column's instant, or null, as the UTC date-time it holds (as Hibernate's {@code normalize-utc} writes
     * it): Connector/J reads a {@code LocalDateTime} without the {@code SimpleDateFormat} a {@code Timestamp} costs.
     */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, LocalDateTime.class));
    }

    /** A column's date-time, which holds UTC, as the instant it is; null stays null. */
    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /**
     * Binds the instant (or null) as the text of its UTC date-time to the microsecond, which the server reads into a
     * DATETIME(6) as it would the {@code Timestamp} it stands for; Connector/J formats a {@code Timestamp} with a new
     * {@code SimpleDateFormat} per value (ADR 0034).
     */
    public static void bind(PreparedStatement statement, int index, Instant at) throws SQLException {
        if (at == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setString(index, text(at));
        }
    }

    /**
     * "2026-11-24 04:21:26.123456": the instant's UTC date-time, truncated to the microsecond as the server truncates
     * digits it cannot keep (Connector/J rounded a {@code Timestamp}'s nanoseconds; ADR 0034).
     */
    public static String text(Instant at) {
        long seconds = at.getEpochSecond();
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int year = day.getYear();
        if (year < 1000 || year > 9999) {
            return FAR.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
        char[] text = new char[26];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, day.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, day.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, at.getNano() / 1000, 6);
        return new String(text);
    }

    private static void digits(char[] into, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
