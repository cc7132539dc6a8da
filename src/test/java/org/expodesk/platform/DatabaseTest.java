package org.expodesk.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void runsOnMariaDbThroughConnectorJ() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDriverName()).contains("MySQL Connector/J");
            assertThat(c.getMetaData().getDatabaseProductVersion()).containsIgnoringCase("MariaDB");
        }
    }

    @Test
    void flywayCreatedTheSchemaIncludingQuartz() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                     + " AND table_name IN ('user_account', 'auth_credential', 'audit_log', 'QRTZ_TRIGGERS',"
                     + " 'QRTZ_LOCKS', 'flyway_schema_history')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(6);
        }
    }

    @Inject
    org.expodesk.platform.db.DatabaseCheck check;

    @Test
    void theEmbeddedServerKeepsFractionalSecondsAndTheCheckSaysSoTruthfully() throws Exception {
        boolean external = System.getenv("EXPODESK_DB_URL") != null && !System.getenv("EXPODESK_DB_URL").isBlank();
        if (!external) {
            assertThat(check.keepsFractionalSeconds()).isTrue();
        }
        Instant written = Instant.parse("2026-03-04T05:06:07.123456Z");
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (occurred_at, actor_name, action)"
                    + " VALUES (?, 'db-test', 'CREATE')", Statement.RETURN_GENERATED_KEYS)) {
                insert.setTimestamp(1, Timestamp.from(written), utc);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    try (PreparedStatement read = c.prepareStatement(
                            "SELECT occurred_at, DATE_FORMAT(occurred_at, '%H:%i:%s.%f') FROM audit_log WHERE id = ?")) {
                        read.setLong(1, id);
                        try (ResultSet rs = read.executeQuery()) {
                            rs.next();
                            Instant expected = check.keepsFractionalSeconds() ? written
                                    : written.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                            assertThat(rs.getTimestamp(1, utc).toInstant()).isEqualTo(expected);
                            assertThat(rs.getString(2)).startsWith("05:06:07.");
                        }
                    }
                }
            }
        }
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void instantsAreStoredAsTheirUtcDateTimeToTheMicrosecondAndReadBackAndComparedAsSuch() throws Exception {
        Instant written = Instant.parse("2026-03-04T05:06:07.123456789Z");
        Instant stored = Instant.parse("2026-03-04T05:06:07.123456Z");
        var factory = em.getEntityManagerFactory().unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class);
        assertThat(factory.getTypeConfiguration().getJdbcTypeRegistry().getDescriptor(org.hibernate.type.SqlTypes.TIMESTAMP_UTC))
                .isInstanceOf(org.expodesk.platform.db.UtcTimestampAsText.class);
        java.util.List<String> instants = new java.util.ArrayList<>();
        java.util.List<String> otherwise = new java.util.ArrayList<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(entity -> entity.forEachAttributeMapping(attribute -> {
            if (attribute.getJavaType().getJavaTypeClass() == Instant.class) {
                String name = entity.getEntityName() + "." + attribute.getAttributeName();
                instants.add(name);
                if (!(attribute.getSingleJdbcMapping().getJdbcType() instanceof org.expodesk.platform.db.UtcTimestampAsText)) {
                    otherwise.add(name);
                }
            }
        }));
        assertThat(instants).as("every entity's instants").hasSizeGreaterThan(50);
        assertThat(otherwise).as("instants bound otherwise").isEmpty();
        String code = "UTC" + System.nanoTime() % 1_000_000_000L;
        long id = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            org.expodesk.exhibition.ShowSeries series = new org.expodesk.exhibition.ShowSeries();
            series.code = code;
            series.name = "Stored in UTC";
            series.createdAt = written;
            series.persist();
            return series.id;
        });
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            assertThat(em.createNativeQuery("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f') FROM show_series"
                    + " WHERE id = ?1").setParameter(1, id).getSingleResult()).isEqualTo("2026-03-04 05:06:07.123456");
            assertThat(em.find(org.expodesk.exhibition.ShowSeries.class, id).createdAt).isEqualTo(stored);
            assertThat(org.expodesk.exhibition.ShowSeries.count("code = ?1 and createdAt = ?2", code, stored))
                    .isEqualTo(1);
            assertThat(org.expodesk.exhibition.ShowSeries.count("code = ?1 and createdAt < ?2", code,
                    stored.plusNanos(1_000))).isEqualTo(1);
        });
        assertThat(org.expodesk.platform.db.UtcColumns.text(Instant.parse("2026-12-31T23:59:59.000001Z")))
                .isEqualTo("2026-12-31 23:59:59.000001");
        assertThat(org.expodesk.platform.db.UtcColumns.text(Instant.parse("0999-01-02T03:04:00Z")))
                .isEqualTo("0999-01-02 03:04:00.000000");
    }
}
