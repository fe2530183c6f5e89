package net.erp.session.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Key;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.erp.contract.InstanceAudience;
import net.erp.contract.error.OAuthError;
import net.erp.session.config.SessionConfig;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Verifies JWT access tokens after RFC 9068 section 4: {@code typ} {@code at+jwt}, an RS256 or ES256
 * signature by a published key, {@code exp}, and an {@code aud} that names exactly one instance. The
 * issuer is not pinned: it differs per host, and the audience carries the instance.
 */
@ApplicationScoped
class JwtAccessTokens {

    private static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

    private final SigningKeys keys;
    private final int clockSkewSeconds;

    JwtAccessTokens(SigningKeys keys, SessionConfig config) {
        this.keys = keys;
        this.clockSkewSeconds = (int) config.clockSkew().toSeconds();
    }

    Uni<AccessToken> verify(String jwt) {
        String kid;
        try {
            kid = JsonWebStructure.fromCompactSerialization(jwt).getKeyIdHeaderValue();
        } catch (JoseException e) {
            return Uni.createFrom().failure(OAuthError.invalidToken("the token is not a signed JWT"));
        }
        if (kid == null) {
            return Uni.createFrom().failure(OAuthError.invalidToken("the token names no signing key (kid)"));
        }
        return keys.key(kid).map(key -> verify(jwt, key));
    }

    private AccessToken verify(String jwt, Key key) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(ALGORITHMS)
                .setExpectedType(true, "at+jwt")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setSkipDefaultAudienceValidation()
                .build();
        try {
            return toAccessToken(consumer.processToClaims(jwt));
        } catch (InvalidJwtException e) {
            throw OAuthError.invalidToken(e.hasExpired() ? "the token has expired" : "the token is not valid");
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidToken("the token's claims are malformed");
        }
    }

    private static AccessToken toAccessToken(JwtClaims claims) throws MalformedClaimException {
        List<String> instances = claims.getAudience().stream()
                .map(InstanceAudience::instanceOf)
                .flatMap(Optional::stream)
                .toList();
        if (instances.size() != 1) {
            throw OAuthError.invalidToken("the token's audience names no single instance");
        }
        String clientId = claims.getStringClaimValue("client_id");
        if (clientId == null) {
            throw OAuthError.invalidToken("the token names no client_id");
        }
        return new AccessToken(instances.get(0), claims.getSubject(), clientId,
                claims.getStringClaimValue("sid"), claims.getJwtId(),
                Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                scopes(claims.getStringClaimValue("scope")),
                claims.getStringClaimValue("preferred_username"));
    }

    private static Set<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scope.trim().split("\\s+")));
    }
}
