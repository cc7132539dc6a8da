package org.expodesk.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.ProblemException;
import org.hibernate.jpa.HibernateHints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Places taken per category and per category and day (ADR 0011). Only a category with a capacity
 * keeps counters: taking places locks its counter rows ({@code SELECT ... FOR UPDATE}) in the
 * registering transaction, so two registrations for the last place take turns and the second one
 * sees the first one's count. A category without one takes no lock at all, so that open
 * registration does not queue every registrant behind one row; its places are counted from the
 * registrations, and when staff give it a capacity its counters are {@linkplain #recount recounted}.
 * Every registration holds the category's row in share mode until it commits, so a capacity set
 * meanwhile waits for registrations already under way and is seen by the ones after it.
 */
@ApplicationScoped
public class PlaceCounters {

    static final String ALL = "all";

    @Inject
    EntityManager em;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    @Inject
    PlaceCounters self;

    /** Takes one place in the category and on each day, or throws 409 when one of them is full. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(RegistrationCategory category, List<LocalDate> days) {
        Optional<String> refused = takeOrRefuse(category, days);
        if (refused.isPresent()) {
            throw ProblemException.conflict(refused.get());
        }
    }

    /**
     * Locks, before the submits decided together (ADR 0031) take their places one by one, every counter row they
     * will take: category by category in id order, each category's rows in one statement (in index order, as a lone
     * submit locks its own), so that two batches, or a batch and a lone submit, queue for them instead of each
     * holding rows the other waits for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAhead(Map<RegistrationCategory, ? extends java.util.Collection<LocalDate>> daysByCategory) {
        List<RegistrationCategory> categories = new ArrayList<>(daysByCategory.keySet());
        categories.sort(java.util.Comparator.comparing(c -> c.id));
        for (RegistrationCategory category : categories) {
            if (category.capacity == null && category.capacityPerDay == null) {
                continue;
            }
            List<String> slots = slots(List.copyOf(daysByCategory.get(category)));
            ensureRows(category.id, slots);
            if (!capacityLockedOnce(category.id).unlimited()) {
                lock(category.id, slots);
            }
        }
    }

    /**
     * {@link #take}, a full category or day answered by its message key instead of thrown: the caller's transaction
     * stays good for the other submits decided in it (ADR 0031), since an exception out of this bean would mark it
     * for rollback.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> takeOrRefuse(RegistrationCategory category, List<LocalDate> days) {
        List<String> slots = slots(days);
        // each statement names its table (HINT_NATIVE_SPACES), so that Hibernate flushes before it only what
        // touches that table instead of every pending change, as it must for SQL it knows nothing of
        if (category.capacity != null || category.capacityPerDay != null) {
            ensureRows(category.id, slots);
        }
        Capacity capacity = capacityLockedOnce(category.id);
        if (capacity.unlimited()) {
            return Optional.empty();
        }
        // a capacity set since this transaction read the category was recounted with rows for every show day
        Map<String, Integer> taken = lock(category.id, slots);
        if (capacity.total() != null && taken.getOrDefault(ALL, 0) + 1 > capacity.total()) {
            return Optional.of("registration_full");
        }
        if (capacity.perDay() != null) {
            for (LocalDate day : days) {
                if (taken.getOrDefault(day.toString(), 0) + 1 > capacity.perDay()) {
                    return Optional.of("registration_dayFull");
                }
            }
        }
        em.createNativeQuery("UPDATE registration_counter SET taken = taken + 1 WHERE category_id = ?1 AND slot IN (?2)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_counter")
                .setParameter(1, category.id).setParameter(2, slots).executeUpdate();
        return Optional.empty();
    }

    /**
     * Sets the counters of a category that has just been given a capacity to the registrations that
     * count (not rejected), in total and per day. The caller holds the category's row exclusively
     * ({@link #lockForChange}), so no registration of it is under way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recount(RegistrationCategory category, LocalDate opensOn, LocalDate closesOn) {
        insert(category.id, slots(opensOn.datesUntil(closesOn.plusDays(1)).toList()));
        em.createNativeQuery("UPDATE registration_counter c SET taken = (SELECT COUNT(*) FROM registration r"
                        + " WHERE r.category_id = c.category_id AND r.status NOT IN ('REJECTED', 'DUPLICATE')"
                        + " AND (c.slot = ?2 OR FIND_IN_SET(c.slot, r.days) > 0)) WHERE c.category_id = ?1")
                .setParameter(1, category.id).setParameter(2, ALL).executeUpdate();
    }

    /** Holds the category's row exclusively until the commit: registrations of it wait, and wait for none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForChange(long categoryId) {
        em.createNativeQuery("SELECT id FROM registration_category WHERE id = ?1 FOR UPDATE")
                .setParameter(1, categoryId).getResultList();
    }

    /**
     * Makes the counter rows of a new category (in total and for every show day, whatever its valid
     * days) in the caller's transaction, so that registrations find them; {@link #take} makes
     * missing ones too (the show's dates moved), but then with a second connection while it holds
     * its first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(RegistrationCategory category, LocalDate opensOn, LocalDate closesOn) {
        insert(category.id, slots(opensOn.datesUntil(closesOn.plusDays(1)).toList()));
    }

    /** Gives back the places of a registration that no longer counts (a rejected buyer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(long categoryId, List<LocalDate> days) {
        if (capacityLocked(categoryId).unlimited()) {
            return;
        }
        List<String> slots = slots(days);
        lock(categoryId, slots);
        em.createNativeQuery("UPDATE registration_counter SET taken = GREATEST(taken - 1, 0)"
                        + " WHERE category_id = ?1 AND slot IN (?2)")
                .setParameter(1, categoryId).setParameter(2, slots).executeUpdate();
    }

    /** Places taken in each category of an edition, in total: its registrations that are neither rejected nor duplicates. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Integer> takenByCategory(long exhibitionId) {
        Map<Long, Integer> taken = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT category_id, COUNT(*) FROM registration"
                        + " WHERE exhibition_id = ?1 AND status NOT IN ('REJECTED', 'DUPLICATE') GROUP BY category_id")
                .setParameter(1, exhibitionId).getResultList();
        rows.forEach(r -> taken.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return taken;
    }

    private record Capacity(Integer total, Integer perDay) {
        boolean unlimited() {
            return total == null && perDay == null;
        }
    }

    /**
     * {@link #capacityLocked}, read once per transaction and category: the share lock it took holds until the commit,
     * so no change of the capacity can come between (the submits a node decides together, ADR 0031, take places in
     * one category many times in one transaction).
     */
    private Capacity capacityLockedOnce(long categoryId) {
        @SuppressWarnings("unchecked")
        Map<Long, Capacity> read = (Map<Long, Capacity>) transaction.getResource(CAPACITIES);
        if (read == null) {
            read = new HashMap<>();
            transaction.putResource(CAPACITIES, read);
        }
        return read.computeIfAbsent(categoryId, this::capacityLocked);
    }

    private static final String CAPACITIES = PlaceCounters.class.getName() + ".capacities";

    /**
     * The category's capacity as last committed (a locking read does not see this transaction's older
     * snapshot), its row held in share mode until the commit: see the class comment.
     */
    private Capacity capacityLocked(long categoryId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT capacity, capacity_per_day FROM registration_category"
                + " WHERE id = ?1 LOCK IN SHARE MODE").setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_category")
                .setParameter(1, categoryId).getSingleResult();
        return new Capacity(row[0] == null ? null : ((Number) row[0]).intValue(),
                row[1] == null ? null : ((Number) row[1]).intValue());
    }

    // its own transaction: two registrations inserting the same new row would otherwise deadlock on InnoDB's insert locks
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void create(long categoryId, List<String> slots) {
        insert(categoryId, slots);
    }

    private void insert(long categoryId, List<String> slots) {
        for (String slot : slots) {
            em.createNativeQuery("INSERT IGNORE INTO registration_counter (category_id, slot, taken) VALUES (?1, ?2, 0)")
                    .setParameter(1, categoryId).setParameter(2, slot).executeUpdate();
        }
    }

    /**
     * The counter rows made before any locking read (the category's included): one that finds no row holds the gap,
     * and the insert of a transaction of its own would then wait for ours forever.
     */
    private void ensureRows(long categoryId, List<String> slots) {
        long present = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM registration_counter"
                        + " WHERE category_id = ?1 AND slot IN (?2)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_counter")
                .setParameter(1, categoryId).setParameter(2, slots).getSingleResult()).longValue();
        if (present < slots.size()) {
            self.create(categoryId, slots);
        }
    }

    private Map<String, Integer> lock(long categoryId, List<String> slots) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT slot, taken FROM registration_counter"
                        + " WHERE category_id = ?1 AND slot IN (?2) ORDER BY slot FOR UPDATE")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_counter")
                .setParameter(1, categoryId).setParameter(2, slots).getResultList();
        Map<String, Integer> taken = new HashMap<>();
        rows.forEach(r -> taken.put((String) r[0], ((Number) r[1]).intValue()));
        return taken;
    }

    private static List<String> slots(List<LocalDate> days) {
        TreeSet<String> slots = new TreeSet<>();
        slots.add(ALL);
        days.forEach(d -> slots.add(d.toString()));
        return new ArrayList<>(slots);
    }
}
