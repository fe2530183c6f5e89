package net.erp.identity.user;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import net.erp.contract.error.OAuthError;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slow, salted password hashes: PBKDF2-HMAC-SHA256 with {@code PASSWORD_HASH_ITERATIONS} rounds (OWASP's
 * 600 000 by default) and a 128-bit salt, computed on a worker thread, compared in constant time.
 */
@ApplicationScoped
class Passwords {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 1024;
    private static final byte[] UNKNOWN_USER_SALT = new byte[16];

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    Passwords(@ConfigProperty(name = "identity.password.iterations") int iterations) {
        this.iterations = iterations;
    }

    static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw OAuthError.invalidRequest("password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
    }

    /** The stored form of the password. */
    Uni<String> hash(String password) {
        return Uni.createFrom().item(() -> {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
            return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                    + base64.encodeToString(derive(password, salt, iterations));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Whether the password matches the stored hash. */
    Uni<Boolean> matches(String password, String stored) {
        return Uni.createFrom().item(() -> {
            String[] parts = stored.split("\\$");
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                return false;
            }
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected, actual);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Spends the time of one comparison and answers false: an unknown username costs as much as a wrong
     * password, so that timing does not tell which usernames exist.
     */
    Uni<Boolean> matchesNothing(String password) {
        return Uni.createFrom().item(() -> {
            derive(password, UNKNOWN_USER_SALT, iterations);
            return false;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static byte[] derive(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
