package net.erp.identity.reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret value of a reference token: its kind's prefix and 43 base64url characters of 32 SecureRandom
 * bytes. Only its SHA-256 is stored: 256 random bits need no slow hash to resist guessing.
 */
final class ReferenceTokenValue {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("erp_(pat|sat)_[A-Za-z0-9_-]{43}");

    private ReferenceTokenValue() {
    }

    /** Whether {@code value} starts like a reference token (anything else is a JWT or garbage). */
    static boolean hasPrefix(String value) {
        return value != null && (value.startsWith(ReferenceTokenKind.PAT.prefix())
                || value.startsWith(ReferenceTokenKind.SAT.prefix()));
    }

    /** Whether {@code value} has exactly the shape this service issues. */
    static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    static String generate(ReferenceTokenKind kind) {
        return kind.prefix() + random(32);
    }

    /** A public id: 128 random bits, base64url. */
    static String newId() {
        return random(16);
    }

    static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
