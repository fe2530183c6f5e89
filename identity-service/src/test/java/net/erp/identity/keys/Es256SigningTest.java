package net.erp.identity.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** ES256, the configurable alternative to RS256: a P-256 key that round-trips through storage and signs. */
class Es256SigningTest {

    @Test
    void whenEs256KeyMadeAndStoredThenItSignsWhatItsPublicJwkVerifies() throws Exception {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        String configured = Base64.getEncoder().encodeToString(kek);
        KeyMaterial material = new KeyMaterial(new SigningProvider(), Optional.of(configured));
        StoredKey stored = material.generate("ES256", Instant.now(), Instant.now());
        SigningKey key = material.open(stored);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"sub\":\"x\"}");
        jws.setAlgorithmHeaderValue("ES256");
        jws.setKey(key.jwk().getPrivateKey());
        String compact = jws.getCompactSerialization();
        JsonWebSignature check = new JsonWebSignature();
        check.setCompactSerialization(compact);
        check.setKey(PublicJsonWebKey.Factory.newPublicJwk(stored.publicJwk()).getPublicKey());

        assertEquals(true, check.verifySignature());
        assertEquals("EC", JsonWebKey.Factory.newJwk(stored.publicJwk()).getKeyType());
    }
}
