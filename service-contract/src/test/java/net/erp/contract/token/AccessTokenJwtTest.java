package net.erp.contract.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import net.erp.contract.error.OAuthError;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

class AccessTokenJwtTest {

    private static final AlgorithmConstraints RS256 = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);
    private static final RsaJsonWebKey KEY = key("k1");
    private static final RsaJsonWebKey OTHER_KEY = key("k2");

    private static RsaJsonWebKey key(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as identity-service issues it, changed by {@code change}, signed by {@code key}. */
    private static String token(RsaJsonWebKey key, String type, Consumer<JwtClaims> change) throws JoseException {
        long now = Instant.now().getEpochSecond();
        var claims = new JwtClaims();
        claims.setIssuer("https://acme.example.com/id");
        claims.setAudience("urn:erp:instance:acme");
        claims.setSubject("svc-acme");
        claims.setClaim("client_id", "com.vendor/app");
        claims.setClaim("scope", "read update");
        claims.setClaim("iat", now);
        claims.setClaim("exp", now + 3600);
        claims.setJwtId("j1");
        claims.setClaim("sid", "s1");
        change.accept(claims);
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", type);
        return jws.getCompactSerialization();
    }

    private static String valid(Consumer<JwtClaims> change) throws JoseException {
        return token(KEY, AccessTokenJwt.TYPE, change);
    }

    private static AccessTokenClaims verify(String token) {
        return AccessTokenJwt.verify(token, KEY.getPublicKey(), RS256, null, 0);
    }

    private static String refusal(String token) {
        OAuthError refused = assertThrows(OAuthError.class, () -> verify(token));
        assertEquals("invalid_token", refused.error());
        return refused.description();
    }

    @Test
    void verifyWhenIssuedAsTheServiceDoesThenItsClaims() throws JoseException {
        AccessTokenClaims claims = verify(valid(c -> { }));

        assertEquals("acme", claims.instanceId());
        assertEquals("urn:erp:instance:acme", claims.audience());
        assertEquals("svc-acme", claims.subject());
        assertEquals("com.vendor/app", claims.clientId());
        assertEquals(List.of("read", "update"), claims.scopes());
        assertEquals("j1", claims.jti());
        assertEquals("s1", claims.sid());
        assertNull(claims.username());
    }

    @Test
    void keyIdWhenSignedThenTheKeyItNames() throws JoseException {
        assertEquals("k1", AccessTokenJwt.keyId(valid(c -> { })));
    }

    @Test
    void keyIdWhenNotAJwsThenInvalidToken() {
        assertThrows(OAuthError.class, () -> AccessTokenJwt.keyId("not.a.token"));
    }

    @Test
    void keyIdWhenLongerThanAnyTokenThenInvalidToken() {
        assertThrows(OAuthError.class, () -> AccessTokenJwt.keyId("a".repeat(AccessTokenJwt.MAX_LENGTH + 1)));
    }

    @Test
    void verifyWhenTypedAsIdTokenThenInvalidToken() throws JoseException {
        refusal(token(KEY, "JWT", c -> { }));
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenInvalidToken() throws JoseException {
        refusal(token(OTHER_KEY, AccessTokenJwt.TYPE, c -> { }));
    }

    @Test
    void verifyWhenExpiredThenInvalidTokenSayingSo() throws JoseException {
        long past = Instant.now().getEpochSecond() - 60;

        assertEquals("the token has expired", refusal(valid(c -> c.setClaim("exp", past))));
    }

    @Test
    void verifyWhenTwoAudiencesThenInvalidToken() throws JoseException {
        refusal(valid(c -> c.setAudience("urn:erp:instance:acme", "urn:erp:instance:other")));
    }

    @Test
    void verifyWhenAudienceNamesNoInstanceThenInvalidToken() throws JoseException {
        refusal(valid(c -> c.setAudience("https://api.example.com")));
    }

    @Test
    void verifyWhenNoClientIdThenInvalidToken() throws JoseException {
        refusal(valid(c -> c.unsetClaim("client_id")));
    }

    @Test
    void verifyWhenNoJtiThenInvalidToken() throws JoseException {
        refusal(valid(c -> c.unsetClaim("jti")));
    }

    @Test
    void verifyWhenUserTokenThenUsernameAndNoEmptyScopes() throws JoseException {
        AccessTokenClaims claims = verify(valid(c -> {
            c.setClaim("preferred_username", "alice");
            c.setClaim("scope", "openid  read");
        }));

        assertEquals("alice", claims.username());
        assertEquals(List.of("openid", "read"), claims.scopes());
    }
}
