package org.expodesk.registration;

/**
 * Where a registration stands. Stored by name: only ever add. {@code DUPLICATE}: a second registration of a
 * person at an edition, found when the registrant was deduplicated after the submit; it no longer counts.
 */
public enum RegistrationStatus { CONFIRMED, PENDING_VERIFICATION, REJECTED, DUPLICATE }
