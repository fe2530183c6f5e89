package net.erp.identity.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void whenSealedThenOpensToTheSameBytes() {
        KeyEncryption encryption = new KeyEncryption(randomKey());
        byte[] plain = "private key bytes".getBytes(StandardCharsets.UTF_8);

        byte[] opened = encryption.open("kid-1", encryption.seal("kid-1", plain));

        assertArrayEquals(plain, opened);
    }

    @Test
    void whenOpenedUnderAnotherKidThenRefused() {
        KeyEncryption encryption = new KeyEncryption(randomKey());
        byte[] sealed = encryption.seal("kid-1", new byte[] {1, 2, 3});

        assertThrows(IllegalStateException.class, () -> encryption.open("kid-2", sealed));
    }

    @Test
    void whenOpenedWithAnotherKeyEncryptionKeyThenRefused() {
        byte[] sealed = new KeyEncryption(randomKey()).seal("kid-1", new byte[] {1, 2, 3});

        assertThrows(IllegalStateException.class, () -> new KeyEncryption(randomKey()).open("kid-1", sealed));
    }

    @Test
    void whenKeyEncryptionKeyMissingThenStartRefusedNamingTheVariable() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> KeyEncryption.fromBase64(""));

        assertTrue(refused.getMessage().contains("SIGNING_KEY_ENCRYPTION_KEY"));
    }

    @Test
    void whenKeyEncryptionKeyHasWrongLengthThenRefused() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThrows(IllegalStateException.class, () -> KeyEncryption.fromBase64(shortKey));
    }
}
