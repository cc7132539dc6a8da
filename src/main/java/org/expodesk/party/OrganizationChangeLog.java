package org.expodesk.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Which existing organizations changed, in the order their changes were written (V50, ADR 0030): a row per update,
 * merge or delete of an organization, written in the changing transaction. A reader that keeps organizations' rows
 * across its own transactions (an import run's alike candidates) asks, in each later transaction, which of them
 * changed since ({@link #since}), and reads only those again.
 *
 * <p>A change's {@code seq} is handed out at its insert, not at its commit: a transaction that took seq 7 may commit
 * after one that took seq 8 was read. So a {@link Position} keeps the seqs missing below the highest it saw, and
 * asks for them again, until they are older than any transaction that writes organizations can last
 * ({@code horizon}): such a transaction has been rolled back, or its row would be there.
 */
@ApplicationScoped
public class OrganizationChangeLog {

    @Inject
    AgroalDataSource dataSource;

    /** Longer than any transaction that changes organizations may last (the longest configured timeout is 15 min). */
    @ConfigProperty(name = "expodesk.dedup.change-log.horizon", defaultValue = "PT1H")
    Duration horizon;

    @ConfigProperty(name = "expodesk.dedup.change-log.keep-for", defaultValue = "P1D")
    Duration keepFor;

    /** Writes the change log's row from Hibernate's callbacks, so every change made through the entity is in it. */
    public static class Recorder {

        @PostUpdate
        @PostRemove
        void changed(Organization o) {
            Arc.container().instance(OrganizationChangeLog.class).get().record(o.id);
        }
    }

    /**
     * Where a reader stands: it knows every change up to {@code seen} but those of {@code missing} (not yet
     * committed when it read, or never). {@code takenAtNanos}: when it was first taken ({@link System#nanoTime}).
     */
    public record Position(long seen, long[] missing, long takenAtNanos) {
    }

    /**
     * The organizations changed since a position ({@code everything}: too long ago to tell, so any may have), and
     * the position after them.
     */
    public record Since(Set<Long> organizations, boolean everything, Position position) {
    }

    void record(long organizationId) {
        // the transaction's own connection: the row commits or rolls back with the change
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO organization_change (organization_id) VALUES (?)")) {
            insert.setLong(1, organizationId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the change of organization " + organizationId, e);
        }
    }

    /** Where the log stands as the caller's transaction sees it. */
    public Position now() {
        return read(0, new long[0], System.nanoTime(), null);
    }

    /** What changed since {@code p}, as the caller's transaction sees it. */
    public Since since(Position p) {
        // rows older than keepFor may have been pruned unread: a position that old cannot tell what changed
        if (Duration.ofNanos(System.nanoTime() - p.takenAtNanos()).compareTo(keepFor.dividedBy(2)) > 0) {
            return new Since(Set.of(), true, now());
        }
        Set<Long> changed = new HashSet<>();
        Position after = read(p.seen(), p.missing(), p.takenAtNanos(), changed);
        return new Since(changed, false, after);
    }

    /**
     * The changes after {@code seen} and those of {@code missing} (added to {@code changed}, when given), and the
     * position after them; {@code seen = 0}: from the horizon on (a new reader, which keeps nothing yet).
     */
    private Position read(long seen, long[] missing, long takenAtNanos, Set<Long> changed) {
        StringBuilder sql = new StringBuilder("SELECT seq, organization_id FROM organization_change WHERE seq > ");
        sql.append(seen == 0 ? "COALESCE((" + horizonSeq() + "), 0)" : Long.toString(seen));
        if (missing.length > 0) {
            sql.append(" OR seq IN (");
            for (int i = 0; i < missing.length; i++) {
                sql.append(i == 0 ? "" : ",").append(missing[i]);
            }
            sql.append(')');
        }
        // the seq below which a missing one can no longer come
        sql.append(" UNION ALL SELECT -1, COALESCE((").append(horizonSeq()).append("), 0)");
        Set<Long> present = new HashSet<>();
        long horizonSeq = 0;
        long highest = seen;
        try (Connection c = dataSource.getConnection(); Statement q = c.createStatement();
             ResultSet rs = q.executeQuery(sql.toString())) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq < 0) {
                    horizonSeq = rs.getLong(2);
                    continue;
                }
                present.add(seq);
                highest = Math.max(highest, seq);
                if (changed != null) {
                    changed.add(rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the organizations' change log", e);
        }
        long floor = horizonSeq;
        java.util.stream.LongStream.Builder stillMissing = java.util.stream.LongStream.builder();
        for (long m : missing) {
            if (m > floor && !present.contains(m)) {
                stillMissing.add(m);
            }
        }
        for (long s = Math.max(seen, floor) + 1; s < highest; s++) {
            if (!present.contains(s)) {
                stillMissing.add(s);
            }
        }
        long[] left = stillMissing.build().sorted().distinct().toArray();
        return new Position(highest, left, takenAtNanos);
    }

    private String horizonSeq() {
        // the newest row older than the horizon: every seq below it was handed out before it (the index read
        // backwards, one row, where MAX(seq) would read every older row)
        return "SELECT seq FROM organization_change WHERE changed_at < NOW(6) - INTERVAL " + horizon.toSeconds()
                + " SECOND ORDER BY changed_at DESC LIMIT 1";
    }

    /** Drops rows older than {@code keepFor}, all but the newest: the counter then goes on after it on any server. */
    @Scheduled(identity = "party-organization-change-prune", cron = "0 41 * * * ?")
    void prune() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement delete = c.prepareStatement("DELETE FROM organization_change WHERE changed_at < NOW(6)"
                         + " - INTERVAL " + keepFor.toSeconds() + " SECOND AND seq < ?");
                 Statement q = c.createStatement();
                 ResultSet rs = q.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM organization_change")) {
                rs.next();
                delete.setLong(1, rs.getLong(1));
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not prune the organizations' change log", e);
            }
        });
    }
}
