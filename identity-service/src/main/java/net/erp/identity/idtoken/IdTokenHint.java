package net.erp.identity.idtoken;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.keys.SigningKey;
import net.erp.identity.keys.SigningKeys;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Reads the {@code id_token_hint} of a logout request (OpenID Connect RP-Initiated Logout 1.0 section 2): an
 * ID token this platform signed for the instance, typed {@code JWT}, whose expiry may have passed. Anything
 * else reads as no hint at all.
 */
@ApplicationScoped
public class IdTokenHint {

    private static final Logger LOG = Logger.getLogger(IdTokenHint.class);
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final SigningKeys keys;

    IdTokenHint(SigningKeys keys) {
        this.keys = keys;
    }

    /** The hint's claims when it is an ID token of ours for {@code instance}, else empty. */
    public Uni<Optional<Hint>> read(String token, InstanceContext instance) {
        Optional<JsonWebSignature> jws = parse(token);
        if (jws.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return keys.verificationKey(jws.get().getKeyIdHeaderValue())
                .map(key -> key.flatMap(found -> verify(token, found)))
                .map(hint -> hint.filter(found -> ofInstance(found, instance)));
    }

    private static Optional<JsonWebSignature> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            if (JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature jws
                    && jws.getKeyIdHeaderValue() != null && IdTokenIssuer.TYPE.equals(jws.getHeader("typ"))) {
                return Optional.of(jws);
            }
        } catch (JoseException | RuntimeException e) {
            LOG.debugf("unreadable id_token_hint: %s", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    private Optional<Hint> verify(String token, SigningKey key) {
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKey(key.jwk().getPublicKey())
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, key.alg())
                    .setJwsProviderContext(keys.providers())
                    .setSkipAllValidators()
                    .build()
                    .processToClaims(token);
            List<String> audience = claims.getAudience();
            if (claims.getIssuer() == null || claims.getSubject() == null || audience.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(new Hint(claims.getIssuer(), claims.getSubject(), audience.get(0),
                    claims.getStringClaimValue("sid")));
        } catch (InvalidJwtException | MalformedClaimException | ClassCastException e) {
            LOG.debugf("id_token_hint refused: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static boolean ofInstance(Hint hint, InstanceContext instance) {
        try {
            URI issuer = URI.create(hint.issuer());
            String host = issuer.getHost() == null ? "" : issuer.getHost().toLowerCase(Locale.ROOT);
            List<String> hostnames = instance.instance().hostnames();
            return "/id".equals(issuer.getPath()) && hostnames != null && hostnames.contains(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A verified hint.
     *
     * @param issuer its {@code iss}
     * @param subject the user's id
     * @param clientId the app it was issued to ({@code aud})
     * @param sid the sign-in it came from
     */
    public record Hint(String issuer, String subject, String clientId, String sid) {
    }
}
