package org.expodesk.badge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.audit.ReservedIds;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Badge ids known before the badge's insert (its signed code carries the id, so the code goes into that insert,
 * not an update after it): each node takes {@link #BLOCK} ids at a time from {@code badge_id_block} (V47) in a
 * short transaction of its own, so the ids are unique across nodes and every path that makes a badge. Ids a node
 * held when it stopped, or a rolled-back badge's, are never used: gaps, as AUTO_INCREMENT leaves.
 */
@ApplicationScoped
public class BadgeIds implements ReservedIds.Source {

    /** About one reservation (its own short transaction) a hundred badges. */
    static final int BLOCK = 100;

    @Inject
    EntityManager em;

    @Inject
    BadgeIds self;

    private long next;
    private long end;

    @Override
    public long next() {
        synchronized (this) {
            if (next < end) {
                return next++;
            }
        }
        // reserved without holding the monitor: a caller holds its transaction's connection and the reservation
        // takes a second one, so callers must not queue here behind it; two that refill at once take two blocks
        long[] block = self.reserve();
        synchronized (this) {
            if (next >= end) {
                next = block[0] + 1;
                end = block[1];
            }
        }
        return block[0];
    }

    /** {@code [first, end)}: a block no other node or call holds. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long[] reserve() {
        long[] block = new long[2];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement(
                    "UPDATE badge_id_block SET next_id = LAST_INSERT_ID(next_id + ?) WHERE id = 1");
                 Statement read = connection.createStatement()) {
                take.setInt(1, BLOCK);
                if (take.executeUpdate() != 1) {
                    throw new IllegalStateException("badge_id_block has no row (migration V47)");
                }
                try (ResultSet end = read.executeQuery("SELECT LAST_INSERT_ID()")) {
                    end.next();
                    block[1] = end.getLong(1);
                    block[0] = block[1] - BLOCK;
                }
            }
        });
        return block;
    }
}
