package net.erp.identity.user;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Locale;
import java.util.Set;
import net.erp.contract.error.OAuthError;

/** The body of {@code POST /api/instances/{instanceId}/users}. Its {@code toString} leaves the password out. */
@RegisterForReflection
public record NewUser(String username, String password, String kind, Boolean administrator, String email,
        String name) {

    private static final Set<String> KINDS = Set.of("INTERNAL", "COMMUNITY");

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", kind=" + kind + "]";
    }

    /** Refuses the first field that breaks a rule, naming it. */
    NewUser validated() {
        if (username == null || username.isBlank() || username.length() > 128 || hasControl(username)) {
            throw OAuthError.invalidRequest("username is required: 1 to 128 printable characters");
        }
        Passwords.requireAcceptable(password);
        if (kind == null || !KINDS.contains(kind.toUpperCase(Locale.ROOT))) {
            throw OAuthError.invalidRequest("kind must be INTERNAL or COMMUNITY");
        }
        if (email != null && (email.length() > 254 || hasControl(email) || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            throw OAuthError.invalidRequest("email is not an e-mail address");
        }
        if (name != null && (name.length() > 200 || hasControl(name))) {
            throw OAuthError.invalidRequest("name must be at most 200 printable characters");
        }
        return new NewUser(username.trim(), password, kind.toUpperCase(Locale.ROOT),
                Boolean.TRUE.equals(administrator), email, name);
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
