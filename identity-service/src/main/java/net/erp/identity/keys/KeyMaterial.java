package net.erp.identity.keys;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Makes new key pairs (RSA 2048 for RS256, P-256 for ES256) and turns stored rows into usable keys and
 * back. Generating is slow: callers run {@link #generate} on a worker thread.
 */
@ApplicationScoped
class KeyMaterial {

    private final SigningProvider provider;
    private final KeyEncryption encryption;

    KeyMaterial(SigningProvider provider,
            @ConfigProperty(name = "identity.keys.encryption-key") Optional<String> kek) {
        this.provider = provider;
        this.encryption = KeyEncryption.fromBase64(kek.orElse(null));
    }

    /** A new key pair of {@code alg}, sealed for storage; the caller sets the times. */
    StoredKey generate(String alg, Instant createdAt, Instant activeFrom) {
        try {
            KeyPair pair = keyPair(alg);
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            String kid = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
            describe(jwk, kid, alg);
            String publicJson = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            byte[] sealed = encryption.seal(kid, pair.getPrivate().getEncoded());
            return new StoredKey(kid, alg, publicJson, sealed, createdAt, activeFrom, null, null);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("could not make a " + alg + " signing key", e);
        }
    }

    SigningKey open(StoredKey stored) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(stored.publicJwk());
            byte[] pkcs8 = encryption.open(stored.kid(), stored.sealedPrivateKey());
            // Read by the signing provider itself: a key another provider made would be converted again
            // at every signature (measured: Corretto signs at the JDK's rate then, bench/RESULTS.md).
            PrivateKey privateKey = provider.keyFactory(keyType(stored.alg()))
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            jwk.setPrivateKey(privateKey);
            describe(jwk, stored.kid(), stored.alg());
            return new SigningKey(stored.kid(), stored.alg(), jwk, stored.createdAt(), stored.activeFrom(),
                    stored.retireAt(), stored.expiresAt());
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("signing key " + stored.kid() + " cannot be read", e);
        }
    }

    private KeyPair keyPair(String alg) throws GeneralSecurityException {
        KeyPairGenerator generator = provider.keyPairGenerator(keyType(alg));
        if (alg.equals("ES256")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static void describe(PublicJsonWebKey jwk, String kid, String alg) {
        jwk.setKeyId(kid);
        jwk.setAlgorithm(alg);
        jwk.setUse("sig");
    }

    static String keyType(String alg) {
        return switch (alg) {
            case "RS256" -> "RSA";
            case "ES256" -> "EC";
            default -> throw new IllegalStateException("SIGNING_ALGORITHM must be RS256 or ES256, not " + alg);
        };
    }
}
