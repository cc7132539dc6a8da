package org.expodesk.party;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the reserved-ids tests read of the database itself: a table's next free id, and the server's insert count. */
final class DatabaseCounts {

    private DatabaseCounts() {
    }

    /** The next id {@code id_block} hands out for {@code table} (a constant of the test). */
    static long nextId(AgroalDataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT next_id FROM id_block WHERE table_name = '" + table + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** MariaDB's count of {@code INSERT} statements so far (a batch rewritten into one multi-row insert counts once). */
    static long comInsert(AgroalDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_insert'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
