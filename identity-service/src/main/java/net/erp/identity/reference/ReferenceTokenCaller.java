package net.erp.identity.reference;

/**
 * Who calls the reference-token API of an instance (SPEC "Operator access", "Users").
 *
 * @param subject the {@code sub} of the caller's access token: a user's id, or the operator's system user
 */
record ReferenceTokenCaller(Role role, String subject) {

    enum Role {
        /** The operator's app (scope {@code admin}): an administrator of every instance. */
        OPERATOR,
        /** A user of the instance whose record says {@code administrator}. */
        ADMINISTRATOR,
        /** Any other user of the instance. */
        USER
    }

    boolean administers() {
        return role != Role.USER;
    }
}
