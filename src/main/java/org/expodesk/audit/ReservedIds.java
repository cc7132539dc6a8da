package org.expodesk.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link AuditedEntity}: its ids come from {@link IdBlocks} before its row is inserted, instead of the
 * table's AUTO_INCREMENT at the insert, so that the insert can carry what derives from the id (a badge's signed
 * code), or wait in Hibernate's queue and go out in a batch with others (an import's new people: an AUTO_INCREMENT
 * insert is written alone, at once). An id set before {@code persist} is kept. Every writer of the table must take
 * its ids from {@link IdBlocks} (ADR 0029).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReservedIds {

    /** The entity's table: its row in {@code id_block}. */
    String table();

    /** How many ids a node takes at a time. */
    int block();
}
