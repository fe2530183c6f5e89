package net.erp.identity.user;

import io.smallrye.mutiny.Uni;

/**
 * What else ends when a user's password changes or the user is deleted (SPEC "Users"): each credential a
 * feature keeps for the user (refresh tokens, reference tokens) implements this, and the users API calls
 * every implementation after the change is stored, before it answers.
 */
public interface UserCutOff {

    /** Revokes what this feature holds for the user; a failure makes the users API answer 503. */
    Uni<Void> cutOff(String instanceId, String userId);
}
