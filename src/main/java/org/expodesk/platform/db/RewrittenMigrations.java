package org.expodesk.platform.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Migrations whose text was changed after they were released, each for a reason its ADR gives, and
 * without changing what they build on a server that already ran them. Flyway would refuse to start
 * on such a database (the recorded checksum no longer matches the file), so before Flyway looks,
 * the recorded checksum of exactly the released text is replaced by the current one. Any other
 * mismatch (a migration edited by mistake) is left for Flyway to refuse, as it should.
 * See docs/adr/0028-migration-v23-portable-to-mysql.md.
 */
@Singleton
public class RewrittenMigrations implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(RewrittenMigrations.class);

    /** A migration's released checksum and its current one, as Flyway computes them from the file. */
    public record Rewrite(String version, int releasedChecksum, int currentChecksum, String what) {
    }

    public static final List<Rewrite> REWRITES = List.of(
            new Rewrite("23", -599361371, 1898294985,
                    "badge.valid_holder: PERSISTENT (MariaDB's word) written STORED, which MySQL 8 and MariaDB both read"));

    @Override
    public void customize(FluentConfiguration configuration) {
        try {
            realign(configuration.getDataSource(), configuration.getTable());
        } catch (SQLException e) {
            // Flyway opens its own connection next and reports what is wrong with the database
            LOG.warn("Could not check the migration history for rewritten migrations", e);
        }
    }

    /** Returns how many recorded checksums were realigned (0 on a new database or one already realigned). */
    public static int realign(DataSource dataSource, String historyTable) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, historyTable)) {
                return 0;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            int realigned = 0;
            try (PreparedStatement update = c.prepareStatement("UPDATE `" + historyTable.replace("`", "")
                    + "` SET checksum = ? WHERE version = ? AND checksum = ? AND success = 1")) {
                for (Rewrite rewrite : REWRITES) {
                    update.setInt(1, rewrite.currentChecksum());
                    update.setString(2, rewrite.version());
                    update.setInt(3, rewrite.releasedChecksum());
                    if (update.executeUpdate() > 0) {
                        LOG.infof("Migration V%s's recorded checksum realigned with its rewritten text (%s)",
                                rewrite.version(), rewrite.what());
                        realigned++;
                    }
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return realigned;
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(c.getCatalog(), null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
