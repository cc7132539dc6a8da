package org.expodesk.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids known before a record's insert, for the entities marked {@link ReservedIds}: each node takes a block of ids
 * at a time from {@code id_block} (V48, one row per table), so ids are unique across nodes and every path that
 * inserts into the table. Ids a node held when it stopped, or a rolled-back record's, are never used: gaps, as
 * AUTO_INCREMENT leaves (ADR 0026, ADR 0029).
 *
 * <p>A block is taken on a connection of the {@code ids} pool, which is not enlisted in any transaction and which
 * nothing else uses: a caller holding its transaction's connection of the default pool never waits for a second
 * one of that pool. The row lock on {@code id_block} is held for one autocommitted statement; a node refills one
 * table's block at a time, so the pool's four connections are enough for the four tables (badge, person,
 * organization, registration).
 */
@ApplicationScoped
public class IdBlocks {

    @Inject
    @DataSource("ids")
    AgroalDataSource ids;

    private static final class Block {
        long next;
        long end;
    }

    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    /** The next id of {@code entity}'s table ({@link ReservedIds}). */
    public long next(Class<?> entity) {
        ReservedIds reserved = entity.getAnnotation(ReservedIds.class);
        if (reserved == null) {
            throw new IllegalArgumentException(entity.getName() + " takes no reserved ids");
        }
        return next(reserved.table(), reserved.block());
    }

    long next(String table, int size) {
        Block held = blocks.computeIfAbsent(table, t -> new Block());
        // callers of one table wait here for a refill (about a millisecond): it takes no connection of the default
        // pool, so one held by a waiting caller's transaction cannot be the one the refill needs, and one block is
        // taken at a time, with no ids thrown away
        synchronized (held) {
            if (held.next >= held.end) {
                long[] block = reserve(table, size);
                held.next = block[0];
                held.end = block[1];
            }
            return held.next++;
        }
    }

    /** {@code [first, end)}: a block no other node or call holds. */
    private long[] reserve(String table, int size) {
        try (Connection c = ids.getConnection();
             PreparedStatement take = c.prepareStatement(
                     "UPDATE id_block SET next_id = LAST_INSERT_ID(next_id + ?) WHERE table_name = ?");
             Statement read = c.createStatement()) {
            c.setAutoCommit(true);
            take.setInt(1, size);
            take.setString(2, table);
            if (take.executeUpdate() != 1) {
                throw new IllegalStateException("id_block has no row for " + table + " (migrations V48, V49, V51)");
            }
            try (ResultSet end = read.executeQuery("SELECT LAST_INSERT_ID()")) {
                end.next();
                long last = end.getLong(1);
                return new long[] {last - size, last};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reserve ids of " + table, e);
        }
    }

    /**
     * After rows were written into {@code entity}'s table past this class (a test's or benchmark's loader, with ids
     * of its own or the table's AUTO_INCREMENT): the next block starts above the table's largest id, and this node
     * forgets the block it holds (the loader may have used its ids). Only while nothing else inserts there.
     */
    public void movePast(Class<?> entity) {
        String table = entity.getAnnotation(ReservedIds.class).table();
        Block held = blocks.computeIfAbsent(table, t -> new Block());
        synchronized (held) {
            held.next = 0;
            held.end = 0;
            try (Connection c = ids.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                // the table name is an entity's constant, not input
                s.executeUpdate("UPDATE id_block SET next_id = GREATEST(next_id, (SELECT COALESCE(MAX(id), 0) + 1 FROM "
                        + table + ")) WHERE table_name = '" + table + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not move the ids of " + table, e);
            }
        }
    }
}
