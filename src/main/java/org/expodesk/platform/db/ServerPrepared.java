package org.expodesk.platform.db;

import com.mysql.cj.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statements prepared on the server, whose values travel as bytes beside the statement: for inserts of long texts
 * full of quotes (audit snapshots, mail bodies), which Connector/J otherwise escapes character by character into
 * the statement's text and the server then parses back (ADR 0035). Everything else keeps the driver's client-side
 * statements (cached per connection), which cost no round trip to prepare.
 * <p>
 * A statement is kept on its connection when its lease ends, for the next lease of the same text there (ADR 0036):
 * preparing one is a round trip whose answer describes every placeholder, which the driver reads and the server
 * makes, and the registration writers prepared two a batch.
 */
public final class ServerPrepared {

    /**
     * Statements kept per connection, the least recently used closed beyond: more than the 15 texts the audit and
     * outbox inserts have in powers of two under {@link #MAX_KEPT_PLACEHOLDERS}, few enough that a pool's connections
     * stay far below the server's {@code max_prepared_stmt_count} (16,382 by default, for all its clients).
     */
    static final int KEPT_PER_CONNECTION = 48;

    /**
     * Placeholders a statement may have to be kept: the driver holds a description of each in the heap, and the
     * server a parse tree. A burst's batches stay below (an audit insert of 128 entries has 1,152); an import chunk's
     * larger inserts are prepared for each use, as before statements were kept.
     */
    static final int MAX_KEPT_PLACEHOLDERS = 2_048;

    /** ER_MAX_PREPARED_STMT_COUNT_REACHED: the server holds all the prepared statements it may, for all clients. */
    private static final int NO_ROOM_FOR_ANOTHER = 1461;

    /** By physical connection (Connector/J's, compared by identity); those of closed connections dropped. */
    private static final Map<JdbcConnection, Kept> KEPT = new ConcurrentHashMap<>();

    private ServerPrepared() {
    }

    /**
     * {@code sql} prepared on the server when the connection is Connector/J's, else as usual; with
     * {@code Statement.RETURN_GENERATED_KEYS} or {@code NO_GENERATED_KEYS}. Closing the lease keeps the statement,
     * its values cleared, for the connection's next lease of the same text. The statement is made on the pool's
     * physical connection, past Agroal's wrapper, which does not check it against the transaction: take the
     * connection inside the transaction the rows belong to (Hibernate's, or the data source's within it). At most
     * {@value MultiRowInsert#MAX_PLACEHOLDERS} placeholders.
     */
    public static Lease lease(Connection connection, String sql, int generatedKeys) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Lease.once(connection.prepareStatement(sql, generatedKeys));
        }
        JdbcConnection physical = connection.unwrap(JdbcConnection.class);
        Kept kept = KEPT.get(physical);
        if (kept == null) {
            // a connection seen for the first time: those the pool has closed since are forgotten
            KEPT.keySet().removeIf(ServerPrepared::closed);
            kept = KEPT.computeIfAbsent(physical, c -> new Kept());
        }
        Key key = new Key(sql, generatedKeys);
        // only statements that may be kept are ever given back: the text is counted when none is there
        PreparedStatement statement = kept.take(key);
        if (statement != null) {
            return new Lease(statement, kept, key);
        }
        boolean keep = placeholders(sql) <= MAX_KEPT_PLACEHOLDERS;
        try {
            statement = physical.serverPrepareStatement(sql, generatedKeys);
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_ROOM_FOR_ANOTHER) {
                throw e;
            }
            // other connections or nodes hold the server's allowance: this connection gives back what it kept, and
            // this insert goes as a client-side statement, escaped as before ADR 0035
            kept.closeAll();
            return Lease.once(connection.prepareStatement(sql, generatedKeys));
        }
        return keep ? new Lease(statement, kept, key) : Lease.once(statement);
    }

    private static int placeholders(String sql) {
        int count = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '?') {
                count++;
            }
        }
        return count;
    }

    /**
     * Forgets what was kept on a connection the pool destroys (its statements close with it): called by
     * {@link ForgetKeptStatements} for the default data source, the one the audit log and the outbox write through.
     */
    static void forget(Connection connection) {
        try {
            if (connection.isWrapperFor(JdbcConnection.class)) {
                KEPT.remove(connection.unwrap(JdbcConnection.class));
            }
        } catch (SQLException e) {
            // a connection that cannot say what it wraps kept nothing here
        }
    }

    public static Lease lease(Connection connection, String sql) throws SQLException {
        return lease(connection, sql, Statement.NO_GENERATED_KEYS);
    }

    private static boolean closed(JdbcConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** How many statements are kept on a physical connection now: for tests. */
    static int keptOn(JdbcConnection physical) {
        Kept kept = KEPT.get(physical);
        return kept == null ? 0 : kept.size();
    }

    /** Whether anything is remembered for a physical connection, even nothing kept: for tests. */
    static boolean remembers(JdbcConnection physical) {
        return KEPT.containsKey(physical);
    }

    /** A statement for the length of a try-with-resources block; {@link #close} gives it back to its connection. */
    public static final class Lease implements AutoCloseable {
        private final PreparedStatement statement;
        private final Kept keptIn;
        private final Key key;

        private Lease(PreparedStatement statement, Kept keptIn, Key key) {
            this.statement = statement;
            this.keptIn = keptIn;
            this.key = key;
        }

        /** A statement closed with its lease: one that is not kept. */
        public static Lease once(PreparedStatement statement) {
            return new Lease(statement, null, null);
        }

        public PreparedStatement statement() {
            return statement;
        }

        @Override
        public void close() throws SQLException {
            if (keptIn == null || statement.isClosed()) {
                statement.close();
                return;
            }
            try {
                statement.clearParameters();
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            keptIn.giveBack(key, statement);
        }
    }

    private record Key(String sql, int generatedKeys) {
    }

    /**
     * The idle statements of one connection, least recently used first. A connection serves one thread at a time,
     * so the lock is never contended; it only makes the hand-over between two leases' threads visible.
     */
    private static final class Kept {
        private final LinkedHashMap<Key, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);

        /** The idle statement of that text, taken out (a second lease of it meanwhile prepares another); or null. */
        synchronized PreparedStatement take(Key key) throws SQLException {
            PreparedStatement statement = idle.remove(key);
            return statement == null || statement.isClosed() ? null : statement;
        }

        void giveBack(Key key, PreparedStatement statement) throws SQLException {
            PreparedStatement surplus;
            synchronized (this) {
                surplus = idle.putIfAbsent(key, statement) == null ? evicted() : statement;
            }
            if (surplus != null) {
                surplus.close();
            }
        }

        private PreparedStatement evicted() {
            if (idle.size() <= KEPT_PER_CONNECTION) {
                return null;
            }
            var eldest = idle.entrySet().iterator();
            PreparedStatement statement = eldest.next().getValue();
            eldest.remove();
            return statement;
        }

        synchronized int size() {
            return idle.size();
        }

        void closeAll() {
            List<PreparedStatement> closing;
            synchronized (this) {
                closing = new ArrayList<>(idle.values());
                idle.clear();
            }
            for (PreparedStatement statement : closing) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // closed with its connection already
                }
            }
        }
    }
}
