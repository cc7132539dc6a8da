package org.expodesk.audit;

/** What an audit entry records. Stored by name: never rename a constant, only add. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    LOGOUT,
    ACCESS_DENIED,
    PASSWORD_CHANGED,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    SETUP_LINK_ISSUED,
    PRIVACY_EXPORT,
    PRIVACY_ERASE,
    EXPORT,
    JOB_PAUSED,
    JOB_RESUMED,
    JOB_RUN_REQUESTED
}
