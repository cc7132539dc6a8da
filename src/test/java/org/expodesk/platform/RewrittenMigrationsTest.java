package org.expodesk.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.platform.db.RewrittenMigrations;
import org.expodesk.platform.db.RewrittenMigrations.Rewrite;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that ran a migration's released text still starts after the text was rewritten (ADR 0028). */
@QuarkusTest
class RewrittenMigrationsTest {

    private static final String HISTORY = "flyway_schema_history";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @Test
    void theChecksumsAreFlywaysOwnForTheReleasedAndTheCurrentTextOfV23() throws IOException {
        Rewrite v23 = rewrite("23");
        String current = migration("db/migration/V23__badges.sql");
        assertThat(checksumOf(current)).as("the current file").isEqualTo(v23.currentChecksum());
        String released = current.replace("THEN person_id END) STORED,", "THEN person_id END) PERSISTENT,");
        assertThat(released).isNotEqualTo(current);
        assertThat(checksumOf(released)).as("the released file").isEqualTo(v23.releasedChecksum());
    }

    @Test
    void aDatabaseThatRanTheReleasedTextIsRealignedAndValidates() throws SQLException {
        Rewrite v23 = rewrite("23");
        setRecordedChecksum("23", v23.releasedChecksum());
        try {
            assertThat(flyway.validateWithResult().validationSuccessful).as("Flyway without the realignment").isFalse();

            assertThat(RewrittenMigrations.realign(dataSource, HISTORY)).isEqualTo(1);

            assertThat(recordedChecksum("23")).isEqualTo(v23.currentChecksum());
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(RewrittenMigrations.realign(dataSource, HISTORY)).as("a second start").isZero();
        } finally {
            setRecordedChecksum("23", v23.currentChecksum());
        }
    }

    @Test
    void aMigrationEditedByMistakeIsStillRefused() throws SQLException {
        Rewrite v23 = rewrite("23");
        setRecordedChecksum("23", 12345);
        try {
            assertThat(RewrittenMigrations.realign(dataSource, HISTORY)).isZero();
            assertThat(recordedChecksum("23")).isEqualTo(12345);
            assertThat(flyway.validateWithResult().validationSuccessful).isFalse();
        } finally {
            setRecordedChecksum("23", v23.currentChecksum());
        }
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    private static Rewrite rewrite(String version) {
        return RewrittenMigrations.REWRITES.stream().filter(r -> r.version().equals(version)).findFirst().orElseThrow();
    }

    private static String migration(String path) throws IOException {
        try (InputStream in = RewrittenMigrationsTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int checksumOf(String text) {
        return ChecksumCalculator.calculate(new StringResource(text));
    }

    private int recordedChecksum(String version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT checksum FROM " + HISTORY + " WHERE version = ?")) {
            read.setString(1, version);
            try (ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }

    private void setRecordedChecksum(String version, int checksum) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + HISTORY + " SET checksum = ? WHERE version = ?")) {
            c.setAutoCommit(true);
            update.setString(2, version);
            update.setInt(1, checksum);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
