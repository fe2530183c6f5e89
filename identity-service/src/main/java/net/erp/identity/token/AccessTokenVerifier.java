package net.erp.identity.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.erp.contract.InstanceAudience;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.keys.SigningKey;
import net.erp.identity.keys.SigningKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
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
 * Checks an access token this platform issued (RFC 9068 section 4): one of the published keys signed it with
 * the algorithm that key is for, it is typed {@code at+jwt}, has not expired, belongs to the expected
 * instance ({@code aud}, and {@code iss} on one of its hosts), and is not on the revocation list. Every
 * refusal is 401 {@code invalid_token}; the description never repeats the token.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final Logger LOG = Logger.getLogger(AccessTokenVerifier.class);
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final SigningKeys keys;
    private final RevocationList revocations;
    private final int clockSkewSeconds;

    AccessTokenVerifier(SigningKeys keys, RevocationList revocations,
            @ConfigProperty(name = "identity.clock-skew") Duration clockSkew) {
        this.keys = keys;
        this.revocations = revocations;
        this.clockSkewSeconds = (int) clockSkew.toSeconds();
    }

    /** A token of {@code instance}, the only instance whose tokens the caller accepts. */
    public Uni<VerifiedAccessToken> verify(String token, InstanceContext instance) {
        return verify(token)
                .invoke(verified -> requireInstance(verified, instance));
    }

    /** A token of any instance (the admin API, where only the operator's {@code admin} scope counts). */
    public Uni<VerifiedAccessToken> verify(String token) {
        return Uni.createFrom().item(() -> parse(token))
                .flatMap(jws -> keys.verificationKey(jws.getKeyIdHeaderValue()))
                .map(key -> key.orElseThrow(() -> refused("the token is not signed by a key of this platform")))
                .map(key -> claims(token, key))
                .call(verified -> revocations.isRevoked(verified.revocation())
                        .onFailure().transform(AccessTokenVerifier::revocationListDown)
                        .invoke(revoked -> {
                            if (revoked) {
                                throw refused("the token was revoked");
                            }
                        }));
    }

    private static JsonWebSignature parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw refused("the token is malformed");
        }
        try {
            if (JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature jws
                    && jws.getKeyIdHeaderValue() != null) {
                return jws;
            }
        } catch (JoseException | RuntimeException e) {
            LOG.debugf("unreadable token: %s", e.getClass().getSimpleName());
        }
        throw refused("the token is malformed");
    }

    private VerifiedAccessToken claims(String token, SigningKey key) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key.jwk().getPublicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, key.alg())
                .setJwsProviderContext(keys.providers())
                .setExpectedType(true, AccessTokenIssuer.TYPE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setSkipDefaultAudienceValidation()
                .build();
        try {
            return read(consumer.processToClaims(token));
        } catch (InvalidJwtException e) {
            throw refused(e.hasExpired() ? "the token has expired" : "the token is not valid");
        } catch (MalformedClaimException | ClassCastException e) {
            throw refused("the token's claims are malformed");
        }
    }

    private static VerifiedAccessToken read(JwtClaims claims) throws MalformedClaimException {
        List<String> audiences = claims.getAudience();
        String audience = audiences.size() == 1 ? audiences.get(0) : null;
        String instanceId = InstanceAudience.instanceOf(audience)
                .orElseThrow(() -> refused("the token is not for an instance of this platform"));
        String clientId = claims.getStringClaimValue("client_id");
        String issuer = claims.getIssuer();
        if (clientId == null || issuer == null) {
            throw refused("the token's claims are incomplete");
        }
        String scope = claims.getStringClaimValue("scope");
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.split(" "));
        return new VerifiedAccessToken(instanceId, issuer, audience, claims.getSubject(), clientId,
                List.copyOf(scopes), claims.getIssuedAt().getValue(), claims.getExpirationTime().getValue(),
                claims.getJwtId(), claims.getStringClaimValue("sid"),
                claims.getStringClaimValue("preferred_username"));
    }

    private static void requireInstance(VerifiedAccessToken token, InstanceContext instance) {
        if (!token.instanceId().equals(instance.instanceId())) {
            throw refused("the token belongs to another instance");
        }
        List<String> hostnames = instance.instance().hostnames();
        if (hostnames == null || !hostnames.contains(issuerHost(token.issuer()))) {
            throw refused("the token was issued for another instance");
        }
    }

    private static String issuerHost(String issuer) {
        try {
            URI uri = URI.create(issuer);
            return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Throwable revocationListDown(Throwable failure) {
        if (failure instanceof OAuthError) {
            return failure;
        }
        LOG.warnf("the revocation list cannot be read: %s", failure.toString());
        return OAuthError.unavailable("the revocation list cannot be read; try again");
    }

    private static OAuthError refused(String description) {
        return OAuthError.invalidToken(description);
    }
}
