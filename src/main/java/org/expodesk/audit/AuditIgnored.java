package org.expodesk.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bookkeeping that is not a business change (last sign-in time, failure counters): a change of
 * it alone writes no audit entry. Events around it are audited on their own terms.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AuditIgnored {
}
