package net.erp.identity.signin;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A browser sign-in at one instance (OpenID Connect Core 1.0 section 2, {@code sid} and {@code auth_time}):
 * the user, when they entered their password, and the token that a logout confirmation form must carry.
 *
 * @param sid the sign-in's id, the {@code sid} of every token issued from it
 * @param instanceId the instance signed in to
 * @param userId the user's {@code sub}
 * @param username the user's name, {@code preferred_username}
 * @param authTime when the user entered their password, epoch seconds
 * @param logoutToken the anti-CSRF token of the logout confirmation form of this sign-in
 */
@RegisterForReflection
public record SignIn(String sid, String instanceId, String userId, String username, long authTime,
        String logoutToken) {

    @Override
    public String toString() {
        return "SignIn[sid=" + sid + ", instance=" + instanceId + ", user=" + userId + "]";
    }
}
