package net.erp.identity.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationList;
import net.erp.contract.token.AccessTokenJwt;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.keys.SigningKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;

/**
 * Checks an access token this platform issued (RFC 9068 section 4): one of the published keys signed it with
 * the algorithm that key is for, it is typed {@code at+jwt}, has not expired, belongs to the expected
 * instance ({@code aud}, and {@code iss} on one of its hosts), and is not on the revocation list. Every
 * refusal is 401 {@code invalid_token}; the description never repeats the token.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final Logger LOG = Logger.getLogger(AccessTokenVerifier.class);

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
        return Uni.createFrom().item(() -> AccessTokenJwt.keyId(token))
                .flatMap(keys::verificationKey)
                .map(key -> key.orElseThrow(() -> refused("the token is not signed by a key of this platform")))
                .map(key -> VerifiedAccessToken.of(AccessTokenJwt.verify(token, key.jwk().getPublicKey(),
                        new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, key.alg()),
                        keys.providers(), clockSkewSeconds)))
                .call(verified -> revocations.isRevoked(verified.revocation())
                        .onFailure().transform(AccessTokenVerifier::revocationListDown)
                        .invoke(revoked -> {
                            if (revoked) {
                                throw refused("the token was revoked");
                            }
                        }));
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
