package net.erp.identity.keys;

import java.time.Instant;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * One of the platform's signing keys, opened: published from its creation, signing from {@code activeFrom}
 * until {@code retireAt}, published until {@code expiresAt}. Its {@code toString} leaves the private part out.
 */
public record SigningKey(String kid, String alg, PublicJsonWebKey jwk, Instant createdAt, Instant activeFrom,
        Instant retireAt, Instant expiresAt) {

    /** Whether it is in the JWKS at {@code now}. */
    public boolean published(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    /** Whether it may sign at {@code now}. */
    public boolean signs(Instant now) {
        return !activeFrom.isAfter(now) && (retireAt == null || retireAt.isAfter(now));
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", alg=" + alg + ", activeFrom=" + activeFrom + ", retireAt=" + retireAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
