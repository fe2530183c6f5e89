package net.erp.identity.user;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code PUT .../users/{userId}/password}. Its {@code toString} leaves the password out. */
@RegisterForReflection
public record PasswordChange(String password) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
