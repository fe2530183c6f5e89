package net.erp.registry.app;

/** Who may issue personal (PAT) and service (SAT) reference tokens for an app. */
public enum ReferenceTokenPolicy {
    /** Nobody. */
    NONE,
    /** A signed-in user, for themself (PAT), and administrators. */
    AUTHENTICATED_USERS,
    /** Administrators only. */
    ADMINISTRATORS_ONLY
}
