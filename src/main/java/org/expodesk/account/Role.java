package org.expodesk.account;

import org.expodesk.platform.Roles;

import java.util.Set;

/**
 * The roles of Expodesk (their names for {@code @RolesAllowed} are in {@link Roles}). The
 * roles a signed-in user holds are decided here and nowhere else (an ADMIN is also STAFF).
 */
public enum Role {
    /** Runs the installation: staff accounts, audit log, settings; and everything STAFF does. */
    ADMIN,
    /** Organizer staff: plans and runs exhibitions, keeps the customer database. */
    STAFF,
    /** A portal user of one exhibiting organization; sees only that organization's data. */
    EXHIBITOR,
    /** A gate device at check-in. */
    SCANNER;

    /** The role names a user with this role holds. */
    public Set<String> grantedRoleNames() {
        return this == ADMIN ? Set.of(Roles.ADMIN, Roles.STAFF) : Set.of(name());
    }
}
