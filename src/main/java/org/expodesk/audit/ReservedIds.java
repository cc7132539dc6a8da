package org.expodesk.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link AuditedEntity}: its ids come from {@link #value()} before its row is inserted, instead of the
 * table's AUTO_INCREMENT at the insert, so that the insert can carry what derives from the id (a badge's signed
 * code). An id set before {@code persist} is kept.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReservedIds {

    /** The CDI bean that hands out this entity's ids. */
    Class<? extends Source> value();

    /** Ids unique across every node and every writer of the table. */
    interface Source {
        long next();
    }
}
