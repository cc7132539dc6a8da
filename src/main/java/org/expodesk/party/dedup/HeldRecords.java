package org.expodesk.party.dedup;

import org.expodesk.party.Person;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The records the current transaction holds: a matcher that reads its blocks as plain rows scores a
 * held record by its current values instead (the transaction may have changed it), as reading it
 * as an entity would.
 */
final class HeldRecords {

    private HeldRecords() {
    }

    /** The record of this id if this transaction's persistence context holds it, without reading it. */
    static <T> T find(Class<T> type, long id) {
        return of(type).apply(id);
    }

    /**
     * {@link #find} for many ids of one type: the session and the type's persister looked up once (a block of
     * 200 candidates looked them up 200 times, most of the time {@code find} took).
     */
    static <T> java.util.function.LongFunction<T> of(Class<T> type) {
        SessionImplementor session = Person.getEntityManager().unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        return id -> type.cast(session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id,
                persister)));
    }
}
