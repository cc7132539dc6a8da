package org.expodesk.registration;

/** Where a registration stands. Stored by name: only ever add. */
public enum RegistrationStatus { CONFIRMED, PENDING_VERIFICATION, REJECTED }
