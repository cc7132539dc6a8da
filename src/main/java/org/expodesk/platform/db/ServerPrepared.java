package org.expodesk.platform.db;

import com.mysql.cj.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements prepared on the server, whose values travel as bytes beside the statement: for inserts of long texts
 * full of quotes (audit snapshots, mail bodies), which Connector/J otherwise escapes character by character into
 * the statement's text and the server then parses back (ADR 0035). Everything else keeps the driver's client-side
 * statements (cached per connection), which cost no round trip to prepare.
 */
public final class ServerPrepared {

    private ServerPrepared() {
    }

    /**
     * {@code sql} prepared on the server when the connection is Connector/J's, else as usual; with
     * {@code Statement.RETURN_GENERATED_KEYS} or {@code NO_GENERATED_KEYS}. The caller closes it, which frees it on
     * the server. The statement is made on the pool's physical connection, past Agroal's wrapper, which does not
     * check it against the transaction: take the connection inside the transaction the rows belong to (Hibernate's,
     * or the data source's within it). At most {@value MultiRowInsert#MAX_PLACEHOLDERS} placeholders.
     */
    public static PreparedStatement prepare(Connection connection, String sql, int generatedKeys) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)) {
            return connection.unwrap(JdbcConnection.class).serverPrepareStatement(sql, generatedKeys);
        }
        return connection.prepareStatement(sql, generatedKeys);
    }

    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return prepare(connection, sql, Statement.NO_GENERATED_KEYS);
    }
}
