package net.erp.registry.secret;

import java.util.Optional;

/** Makes a {@link SecretHasher} outside CDI, for plain unit tests. */
public final class SecretHasherAccess {

    private SecretHasherAccess() {
    }

    public static SecretHasher withPepper(Optional<String> pepper) {
        return new SecretHasher(pepper);
    }
}
