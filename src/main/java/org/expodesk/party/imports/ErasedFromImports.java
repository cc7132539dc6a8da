package org.expodesk.party.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.expodesk.party.PersonErased;

/**
 * An erased person leaves no fingerprint: each is a hash of the row that named them, which anyone
 * holding that row could match, and it would make a re-import of the row report "unchanged".
 */
@ApplicationScoped
public class ErasedFromImports {

    @Inject
    EntityManager em;

    void forget(@Observes PersonErased erased) {
        em.createNativeQuery("DELETE FROM import_fingerprint WHERE kind = ?1 AND record_id = ?2")
                .setParameter(1, ImportKind.PEOPLE.name()).setParameter(2, erased.personId()).executeUpdate();
    }
}
