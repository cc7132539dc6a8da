package org.expodesk.platform.db;

import java.sql.SQLException;

/** What a MariaDB or MySQL error says, by its code (the same on both servers through Connector/J). */
public final class SqlErrors {

    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private SqlErrors() {
    }

    /** A row broke this unique key (named as the schema names it). */
    public static boolean isDuplicateKey(SQLException e, String key) {
        return e.getErrorCode() == DUPLICATE_KEY && String.valueOf(e.getMessage()).contains(key);
    }

    /** The transaction was chosen as a deadlock's victim and rolled back. */
    public static boolean isDeadlock(SQLException e) {
        return e.getErrorCode() == DEADLOCK || "40001".equals(e.getSQLState());
    }

    /** A deadlock or a lock wait timeout: the statement was rolled back and may simply be tried again. */
    public static boolean isLockConflict(SQLException e) {
        return isDeadlock(e) || e.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }
}
