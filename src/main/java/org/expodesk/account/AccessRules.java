package org.expodesk.account;

import io.quarkus.security.identity.SecurityIdentity;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.util.Objects;

/**
 * Who may do what, decided here. Route-level rules are role names on each resource
 * ({@code @RolesAllowed}, with unannotated endpoints denied by configuration); record-level
 * rules, such as "an exhibitor sees only its own organization", are the methods below, which
 * every feature calls instead of comparing ids itself. A record that is not yours is reported as
 * not found, never as forbidden, so its existence is not revealed.
 *
 * <pre>
 *                       ADMIN  STAFF  EXHIBITOR        SCANNER
 * users, audit log        x
 * exhibitions, plans,     x      x
 *   customer database
 * own organization's      x      x    own only
 *   portal data
 * check-in scans          x      x                        x
 * </pre>
 */
public final class AccessRules {

    public static final String ORGANIZATION_ATTRIBUTE = "expodesk.organizationId";

    private AccessRules() {
    }

    public static boolean isStaff(SecurityIdentity identity) {
        return identity.hasRole(Roles.STAFF);
    }

    /** Staff may see every organization's records; an exhibitor only its own. */
    public static boolean maySeeOrganization(SecurityIdentity identity, Long organizationId) {
        if (isStaff(identity)) {
            return true;
        }
        return identity.hasRole(Roles.EXHIBITOR) && organizationId != null
                && Objects.equals(identity.getAttribute(ORGANIZATION_ATTRIBUTE), organizationId);
    }

    /** Throws "not found" unless the identity may see records of that organization. */
    public static void requireOrganization(SecurityIdentity identity, Long organizationId, String what) {
        if (!maySeeOrganization(identity, organizationId)) {
            throw ProblemException.notFound(what);
        }
    }
}
