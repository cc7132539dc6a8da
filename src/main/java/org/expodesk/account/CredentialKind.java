package org.expodesk.account;

/** What a secret handed to a client is for; each kind is accepted only where it belongs. */
public enum CredentialKind {
    /** A page session, carried in an HttpOnly cookie. */
    SESSION,
    /** A bearer token for the JSON API. */
    API_TOKEN,
    /** A one-time link to choose a password (first admin, new staff, reset). */
    SETUP,
    /** The secret in a user's calendar feed address, read by calendar applications; reads the feed only. */
    CALENDAR,
    /** A scanner device's one-time setup code, typed into the device once and exchanged for its token. */
    DEVICE_SETUP,
    /** A scanner device's bearer token: role SCANNER, only the scanner endpoints. */
    DEVICE
}
