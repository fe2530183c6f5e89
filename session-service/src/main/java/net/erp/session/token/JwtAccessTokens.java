package net.erp.session.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import net.erp.contract.error.OAuthError;
import net.erp.contract.token.AccessTokenClaims;
import net.erp.contract.token.AccessTokenJwt;
import net.erp.session.config.SessionConfig;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * Verifies JWT access tokens with the platform's shared checks ({@link AccessTokenJwt}, RFC 9068 section 4),
 * against the keys of identity-service's JWKS, RS256 or ES256. The issuer is not pinned: it differs per
 * host, and the audience carries the instance.
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
            kid = AccessTokenJwt.keyId(jwt);
        } catch (OAuthError refused) {
            return Uni.createFrom().failure(refused);
        }
        return keys.key(kid).map(key -> toAccessToken(AccessTokenJwt.verify(jwt, key, ALGORITHMS, null,
                clockSkewSeconds)));
    }

    private static AccessToken toAccessToken(AccessTokenClaims claims) {
        return new AccessToken(claims.instanceId(), claims.subject(), claims.clientId(), claims.sid(), claims.jti(),
                Instant.ofEpochSecond(claims.issuedAt()), Instant.ofEpochSecond(claims.expiresAt()),
                Set.copyOf(claims.scopes()), claims.username());
    }
}
