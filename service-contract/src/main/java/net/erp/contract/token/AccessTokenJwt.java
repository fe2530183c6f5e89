package net.erp.contract.token;

import java.security.Key;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.erp.contract.InstanceAudience;
import net.erp.contract.error.OAuthError;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * The checks every service makes of a JWT access token of the platform, whatever its key source (RFC 9068
 * section 4): header {@code typ} {@code at+jwt}; a signature by the key its {@code kid} names, with an
 * algorithm allowed for that key; {@code exp} not passed (within the clock skew); {@code iat}, {@code sub},
 * {@code jti}, {@code iss} and {@code client_id} present; exactly one {@code aud}, naming an instance.
 * The revocation list and the instance a caller serves are the caller's to check. Every refusal is 401
 * {@code invalid_token}, and its description never repeats the token.
 */
public final class AccessTokenJwt {

    /** The JOSE {@code typ} of an access token (RFC 9068 section 2.1). */
    public static final String TYPE = "at+jwt";

    /** Longer than any token the platform issues; a longer one is not read at all. */
    public static final int MAX_LENGTH = 8 * 1024;

    private AccessTokenJwt() {
    }

    /** Whether the value has the form of a compact JWS (three parts); anything else is another kind of token. */
    public static boolean looksLikeJwt(String token) {
        return token != null && token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The {@code kid} of a compact JWS: the key to verify it with. */
    public static String keyId(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw OAuthError.invalidToken("the token is malformed");
        }
        try {
            if (JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature jws
                    && jws.getKeyIdHeaderValue() != null) {
                return jws.getKeyIdHeaderValue();
            }
        } catch (JoseException | RuntimeException e) {
            throw OAuthError.invalidToken("the token is not a signed JWT");
        }
        throw OAuthError.invalidToken("the token names no signing key (kid)");
    }

    /**
     * The claims of {@code token} once its signature by {@code key}, its type, lifetime and claims are checked.
     *
     * @param algorithms the algorithms allowed for {@code key}
     * @param providers the JCA providers to verify with; {@code null} for the JVM's defaults
     */
    public static AccessTokenClaims verify(String token, Key key, AlgorithmConstraints algorithms,
            ProviderContext providers, int clockSkewSeconds) {
        var consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(algorithms)
                .setExpectedType(true, TYPE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setSkipDefaultAudienceValidation();
        if (providers != null) {
            consumer.setJwsProviderContext(providers);
        }
        return verify(token, consumer.build());
    }

    private static AccessTokenClaims verify(String token, JwtConsumer consumer) {
        try {
            return read(consumer.processToClaims(token));
        } catch (InvalidJwtException e) {
            throw OAuthError.invalidToken(e.hasExpired() ? "the token has expired" : "the token is not valid");
        } catch (MalformedClaimException | ClassCastException e) {
            throw OAuthError.invalidToken("the token's claims are malformed");
        }
    }

    private static AccessTokenClaims read(JwtClaims claims) throws MalformedClaimException {
        List<String> audiences = claims.getAudience();
        Optional<String> instance = audiences.size() == 1 ? InstanceAudience.instanceOf(audiences.get(0))
                : Optional.empty();
        String instanceId = instance
                .orElseThrow(() -> OAuthError.invalidToken("the token's audience names no single instance"));
        String clientId = claims.getStringClaimValue("client_id");
        String issuer = claims.getIssuer();
        if (clientId == null || issuer == null) {
            throw OAuthError.invalidToken("the token's claims are incomplete");
        }
        return new AccessTokenClaims(instanceId, issuer, claims.getSubject(), clientId,
                scopes(claims.getStringClaimValue("scope")), claims.getIssuedAt().getValue(),
                claims.getExpirationTime().getValue(), claims.getJwtId(), claims.getStringClaimValue("sid"),
                claims.getStringClaimValue("preferred_username"));
    }

    /** RFC 6749 section 3.3: scope tokens separated by spaces. */
    private static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.split(" ")).filter(each -> !each.isEmpty()).distinct().toList();
    }
}
