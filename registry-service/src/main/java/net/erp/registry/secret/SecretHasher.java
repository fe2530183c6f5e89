package net.erp.registry.secret;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes client secrets and the only form in which they are stored: HMAC-SHA-256 keyed with the pepper
 * {@code CLIENT_SECRET_PEPPER}. A fast keyed hash is enough here because the registry generates every
 * secret with 256 bits from a CSPRNG: no guessing can find one, with or without the table, and the pepper
 * keeps a stolen table useless without the configuration. (Passwords, chosen by people, need a slow hash.)
 */
@ApplicationScoped
public class SecretHasher {

    private static final String HMAC = "HmacSHA256";
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Optional<String> pepper;

    SecretHasher(@ConfigProperty(name = "registry.client-secret-pepper") Optional<String> pepper) {
        this.pepper = pepper.filter(value -> !value.isBlank());
    }

    /** Whether a pepper is configured; without it the service does not start. */
    public boolean isConfigured() {
        return pepper.isPresent();
    }

    /** A new secret: 32 bytes from the CSPRNG, base64url without padding (43 characters). */
    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a secret. */
    public byte[] hash(String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(pepper.orElseThrow().getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Whether a presented secret's hash equals a stored one, compared in constant time. */
    public static boolean matches(byte[] presentedHash, byte[] storedHash) {
        return MessageDigest.isEqual(presentedHash, storedHash);
    }
}
