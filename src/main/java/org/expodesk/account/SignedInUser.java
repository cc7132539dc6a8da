package org.expodesk.account;

/** Who a presented credential belongs to, as the rest of the application sees them. */
public record SignedInUser(long userId, String username, String displayName, Role role, Long organizationId,
                           String locale, long credentialId) {
}
