package net.erp.identity.user;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The users of an instance as the sign-in features see them (SPEC "Users"): checks a username and password
 * and finds a user by id. A wrong password and an unknown username take the same time and give the same
 * answer, so a caller cannot tell which one it was.
 */
@ApplicationScoped
public class UserDirectory {

    private static final int MAX_USERNAME = 128;
    private static final int MAX_PASSWORD = 1024;

    private final UserStore users;
    private final Passwords passwords;

    UserDirectory(UserStore users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /** The user when the password is theirs, empty otherwise (unknown username included). */
    public Uni<Optional<User>> authenticate(String instanceId, String username, String password) {
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME
                || password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return Uni.createFrom().item(Optional.empty());
        }
        return users.byUsername(instanceId, username.trim()).flatMap(found -> {
            if (found.isEmpty()) {
                return passwords.matchesNothing(password).map(ignored -> Optional.<User>empty());
            }
            return passwords.matches(password, found.get().passwordHash())
                    .map(matches -> matches ? Optional.of(found.get().user()) : Optional.<User>empty());
        });
    }

    /** The user of that id in the instance, or empty (deleted). */
    public Uni<Optional<User>> find(String instanceId, String userId) {
        return users.byId(instanceId, userId);
    }
}
