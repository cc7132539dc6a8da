package org.expodesk.platform.db;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * How Hibernate writes and reads every {@code Instant} attribute (their columns are DATETIME(6) holding UTC, see
 * docs/architecture.md "Database"): bound as the UTC date-time's text and read as a {@code LocalDateTime}, where
 * Hibernate's own type passes a {@code java.sql.Timestamp} with a UTC {@code Calendar}, for which Connector/J
 * builds a new {@code SimpleDateFormat} per value. The values stored and read are the same (ADR 0034).
 */
public final class UtcTimestampAsText extends TimestampUtcAsJdbcTimestampJdbcType {

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setString(index, UtcColumns.text(javaType.unwrap(value, Instant.class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setString(name, UtcColumns.text(javaType.unwrap(value, Instant.class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return javaType.wrap(UtcColumns.instant(rs, paramIndex), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(UtcColumns.instant(statement.getObject(index, LocalDateTime.class)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(UtcColumns.instant(statement.getObject(name, LocalDateTime.class)), options);
            }
        };
    }
}
