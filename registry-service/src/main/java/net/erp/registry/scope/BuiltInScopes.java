package net.erp.registry.scope;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes every instance has without defining them, and the reserved ones: {@code admin} (the operator's)
 * and {@code sec}, which no app created through the API may hold.
 */
public final class BuiltInScopes {

    /** Every instance's scopes, new or seeded. */
    public static final List<ScopeRecord> ALL = List.of(
            new ScopeRecord("openid", "sign in with OpenID Connect"),
            new ScopeRecord("profile", "the user's name and username"),
            new ScopeRecord("read", "read the instance's data"),
            new ScopeRecord("update", "change the instance's data"),
            new ScopeRecord("offline_access", "a refresh token, to keep access while the user is away"));

    /** The operator's scope: the admin API of every instance. */
    public static final String ADMIN = "admin";

    /** Never granted to an app created through the API. */
    public static final Set<String> RESERVED = Set.of(ADMIN, "sec");

    private BuiltInScopes() {
    }

    static boolean isBuiltIn(String name) {
        return find(name).isPresent();
    }

    static Optional<ScopeRecord> find(String name) {
        return ALL.stream().filter(scope -> scope.name().equals(name)).findFirst();
    }
}
