package net.erp.registry.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    private final SecretHasher hasher = new SecretHasher(Optional.of("pepper-of-this-test"));

    @Test
    void generateThen32RandomBytesBase64Url() {
        String secret = hasher.generate();

        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void generateTwiceThenDifferent() {
        assertNotEquals(hasher.generate(), hasher.generate());
    }

    @Test
    void hashWhenSameSecretThenMatches() {
        String secret = hasher.generate();

        assertTrue(SecretHasher.matches(hasher.hash(secret), hasher.hash(secret)));
    }

    @Test
    void hashWhenOtherPepperThenNoMatch() {
        String secret = hasher.generate();
        var other = new SecretHasher(Optional.of("another-pepper"));

        assertFalse(SecretHasher.matches(hasher.hash(secret), other.hash(secret)));
    }
}
