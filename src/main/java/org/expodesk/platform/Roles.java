package org.expodesk.platform;

/**
 * Role names as compile-time constants for {@code @RolesAllowed}. Which roles a user holds is
 * decided by {@code org.expodesk.account.Role}; this is only the shared vocabulary, kept low so
 * that every feature (audit included) can name a role.
 */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String STAFF = "STAFF";
    public static final String EXHIBITOR = "EXHIBITOR";
    public static final String SCANNER = "SCANNER";

    private Roles() {
    }
}
