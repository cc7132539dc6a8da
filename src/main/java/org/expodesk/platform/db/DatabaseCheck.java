package org.expodesk.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Checks at start-up what Expodesk relies on from the database server. MariaDB 10.x announces
 * itself to MySQL Connector/J as "5.5.5-10.x", so the driver believes the server cannot store
 * fractional seconds and silently cuts them off; MariaDB 11 and MySQL 8 keep them. Instants then
 * lose their sub-second part (see docs/architecture.md, "Database").
 */
@ApplicationScoped
public class DatabaseCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class);

    @Inject
    AgroalDataSource dataSource;

    private volatile Boolean keepsFractionalSeconds;

    void onStart(@Observes StartupEvent start) {
        if (!keepsFractionalSeconds()) {
            LOG.warn("The database connection drops fractional seconds (MariaDB 10.x through Connector/J):"
                    + " times are stored to the second. Use MariaDB 11 or MySQL 8 for full precision.");
        }
    }

    /** Whether a timestamp with microseconds survives the round trip through the driver. */
    public boolean keepsFractionalSeconds() {
        if (keepsFractionalSeconds == null) {
            keepsFractionalSeconds = probe();
        }
        return keepsFractionalSeconds;
    }

    private boolean probe() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DATE_FORMAT(?, '%f')")) {
            select.setTimestamp(1, Timestamp.from(Instant.parse("2026-01-01T00:00:00.123456Z")));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && "123456".equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the database connection", e);
        }
    }
}
