package org.expodesk.party.dedup;

import jakarta.persistence.EntityManager;
import org.expodesk.party.Person;

import java.util.List;
import java.util.Map;

/** Moves the {@link MergedRecords.Rows} of other features from a duplicate party to the survivor and back, by SQL. */
final class MovedRows {

    private MovedRows() {
    }

    static void move(Iterable<MergedRecords> features, boolean people, long from, long to,
                     Map<String, List<Long>> moved) {
        for (MergedRecords feature : features) {
            for (MergedRecords.Rows rows : people ? feature.ofPerson() : feature.ofOrganization()) {
                moved.put(rows.key(), move(rows, from, to));
            }
        }
    }

    /** Back to {@code to} (the duplicate): the moved rows still on {@code from}; one moved elsewhere since stays. */
    static void moveBack(Iterable<MergedRecords> features, boolean people, Map<String, List<Long>> moved, long from,
                         long to) {
        for (MergedRecords feature : features) {
            for (MergedRecords.Rows rows : people ? feature.ofPerson() : feature.ofOrganization()) {
                List<Long> ids = moved.get(rows.key());
                if (ids != null && !ids.isEmpty()) {
                    Person.getEntityManager().createNativeQuery("UPDATE " + rows.table() + " SET " + rows.column()
                                    + " = ?1 WHERE id IN (?2) AND " + rows.column() + " = ?3")
                            .setParameter(1, to).setParameter(2, ids).setParameter(3, from).executeUpdate();
                }
            }
        }
    }

    private static List<Long> move(MergedRecords.Rows rows, long from, long to) {
        EntityManager em = Person.getEntityManager();
        List<Long> ids = em.createNativeQuery("SELECT t.id FROM " + rows.table() + " t WHERE t." + rows.column()
                        + " = ?1" + (rows.staysIf() == null ? " AND ?2 = ?2" : " AND NOT (" + rows.staysIf() + ")")
                        + " ORDER BY t.id FOR UPDATE", Long.class)
                .setParameter(1, from).setParameter(2, to).getResultList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("UPDATE " + rows.table() + " SET " + rows.column() + " = ?1 WHERE id IN (?2)")
                    .setParameter(1, to).setParameter(2, ids).executeUpdate();
        }
        return ids;
    }
}
