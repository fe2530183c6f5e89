package net.erp.identity.keys;

import java.time.Instant;

/** A row of {@code signing_key}: the public JWK in JSON and the sealed PKCS#8 private key. */
record StoredKey(String kid, String alg, String publicJwk, byte[] sealedPrivateKey, Instant createdAt,
        Instant activeFrom, Instant retireAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "StoredKey[kid=" + kid + ", alg=" + alg + "]";
    }
}
