package db.migration;

import org.expodesk.party.Phones;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives phones stored before V14 their E.164 form, once: SQL cannot parse phone numbers, so this
 * runs the same libphonenumber code as the app ({@code party.Phones}). A person's number is read
 * in their organization's country. Numbers that are not valid keep a null E.164 (matched by
 * nobody) and are not looked at again.
 */
public class V17__phone_e164_backfill extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        fill(connection, "SELECT id, phone, country FROM organization WHERE phone IS NOT NULL AND phone_e164 IS NULL",
                "UPDATE organization SET phone_e164 = ? WHERE id = ?");
        fill(connection, "SELECT p.id, p.phone, o.country FROM person p LEFT JOIN organization o ON o.id = p.organization_id"
                + " WHERE p.phone IS NOT NULL AND p.phone_e164 IS NULL", "UPDATE person SET phone_e164 = ? WHERE id = ?");
    }

    private static void fill(Connection connection, String select, String update) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery(select);
             PreparedStatement write = connection.prepareStatement(update)) {
            int pending = 0;
            while (rows.next()) {
                String e164 = Phones.e164(rows.getString(2), rows.getString(3));
                if (e164 != null) {
                    write.setString(1, e164);
                    write.setLong(2, rows.getLong(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            write.executeBatch();
        }
    }
}
