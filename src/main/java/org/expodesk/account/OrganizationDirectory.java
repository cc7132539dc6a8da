package org.expodesk.account;

/**
 * What accounts need to know about organizations, which live in a feature above this package:
 * the customer database implements it, so an exhibitor account is tied to a real organization.
 */
public interface OrganizationDirectory {

    boolean exists(long organizationId);
}
