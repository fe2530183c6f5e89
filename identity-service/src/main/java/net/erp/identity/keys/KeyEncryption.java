package net.erp.identity.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the private part of a signing key with AES-256-GCM under the key-encryption key
 * ({@code SIGNING_KEY_ENCRYPTION_KEY}). The kid is the associated data, so a sealed key moved to another
 * row does not open. The key-encryption key never appears in a message.
 */
final class KeyEncryption {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    KeyEncryption(byte[] keyEncryptionKey) {
        if (keyEncryptionKey.length != 32) {
            throw new IllegalStateException("SIGNING_KEY_ENCRYPTION_KEY must be the base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(keyEncryptionKey, "AES");
    }

    /** From the configured base64 value; refuses a missing or malformed one, naming the variable. */
    static KeyEncryption fromBase64(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("SIGNING_KEY_ENCRYPTION_KEY is not set: signing keys cannot be stored");
        }
        try {
            return new KeyEncryption(Base64.getDecoder().decode(configured.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SIGNING_KEY_ENCRYPTION_KEY must be the base64 of 32 bytes");
        }
    }

    byte[] seal(String kid, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal signing key " + kid, e);
        }
    }

    byte[] open(String kid, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " does not open with SIGNING_KEY_ENCRYPTION_KEY: "
                    + "was the key-encryption key changed?", e);
        }
    }
}
