package net.erp.session.session;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of the internal close call: exactly one of the two.
 *
 * @param subject close every session of this user (password change, user deleted)
 * @param sid close the session of this sign-in (logout)
 */
@RegisterForReflection
public record CloseRequest(String subject, String sid) {
}
