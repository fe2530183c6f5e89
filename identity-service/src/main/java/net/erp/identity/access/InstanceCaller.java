package net.erp.identity.access;

/**
 * Who calls an admin API of an instance (SPEC "Operator access", "Users"), as its access token tells.
 *
 * @param subject the {@code sub} of the caller's token: a user's id, or an app's system user
 */
public record InstanceCaller(Role role, String subject) {

    public enum Role {
        /** The operator's app (scope {@code admin}): an administrator of every instance. */
        OPERATOR,
        /** A user of the instance whose record says {@code administrator}. */
        ADMINISTRATOR,
        /** Any other user of the instance. */
        USER,
        /** An app of the instance acting as its system user (client credentials). */
        SERVICE
    }

    /** Whether the caller may administer the instance: the operator or one of its administrators. */
    public boolean administers() {
        return role == Role.OPERATOR || role == Role.ADMINISTRATOR;
    }
}
