package org.expodesk.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Places taken per category and per category and day. Taking places locks the counter rows
 * ({@code SELECT ... FOR UPDATE}) in the registering transaction, so two registrations for the last
 * place take turns and the second one sees the first one's count.
 */
@ApplicationScoped
public class PlaceCounters {

    static final String ALL = "all";

    @Inject
    EntityManager em;

    @Inject
    PlaceCounters self;

    /** Takes one place in the category and on each day, or throws 409 when one of them is full. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(RegistrationCategory category, List<LocalDate> days) {
        List<String> slots = slots(days);
        // rows are made before any locking read: one that finds no row holds the gap, and the insert
        // of a transaction of its own would then wait for ours forever
        long present = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM registration_counter"
                        + " WHERE category_id = ?1 AND slot IN (?2)")
                .setParameter(1, category.id).setParameter(2, slots).getSingleResult()).longValue();
        if (present < slots.size()) {
            self.create(category.id, slots);
        }
        Map<String, Integer> taken = lock(category.id, slots);
        if (category.capacity != null && taken.get(ALL) + 1 > category.capacity) {
            throw ProblemException.conflict("registration_full");
        }
        if (category.capacityPerDay != null) {
            for (LocalDate day : days) {
                if (taken.get(day.toString()) + 1 > category.capacityPerDay) {
                    throw ProblemException.conflict("registration_dayFull");
                }
            }
        }
        em.createNativeQuery("UPDATE registration_counter SET taken = taken + 1 WHERE category_id = ?1 AND slot IN (?2)")
                .setParameter(1, category.id).setParameter(2, slots).executeUpdate();
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
        List<String> slots = slots(days);
        lock(categoryId, slots);
        em.createNativeQuery("UPDATE registration_counter SET taken = GREATEST(taken - 1, 0)"
                        + " WHERE category_id = ?1 AND slot IN (?2)")
                .setParameter(1, categoryId).setParameter(2, slots).executeUpdate();
    }

    /** Places taken in each category of an edition, in total. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Integer> takenByCategory(long exhibitionId) {
        Map<Long, Integer> taken = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.category_id, c.taken FROM registration_counter c"
                        + " JOIN registration_category k ON k.id = c.category_id WHERE k.exhibition_id = ?1 AND c.slot = ?2")
                .setParameter(1, exhibitionId).setParameter(2, ALL).getResultList();
        rows.forEach(r -> taken.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return taken;
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

    private Map<String, Integer> lock(long categoryId, List<String> slots) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT slot, taken FROM registration_counter"
                        + " WHERE category_id = ?1 AND slot IN (?2) ORDER BY slot FOR UPDATE")
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
