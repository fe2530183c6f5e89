package net.erp.identity.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.erp.contract.token.AccessTokenJwt;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.keys.SigningKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Mints access tokens as RFC 9068 JWTs: header {@code typ: at+jwt}, {@code alg}, {@code kid}; claims
 * {@code iss}, {@code sub}, {@code aud}, {@code client_id}, {@code scope}, {@code iat}, {@code exp},
 * {@code jti}, {@code sid} and, for users only, {@code preferred_username} (docs/service-contract.md).
 */
@ApplicationScoped
public class AccessTokenIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKeys keys;
    private final Duration lifetime;

    AccessTokenIssuer(SigningKeys keys, @ConfigProperty(name = "platform.access-token-lifetime") Duration lifetime) {
        this.keys = keys;
        this.lifetime = lifetime;
    }

    /**
     * Mints a token of the instance for {@code subject}, acting through {@code clientId}.
     *
     * @param sid the sign-in the token belongs to; a service token passes {@code null} and gets a new one
     * @param username the user's name, or {@code null} for a service token
     */
    public Uni<IssuedToken> issue(InstanceContext instance, String subject, String clientId, List<String> scopes,
            String sid, String username) {
        long now = System.currentTimeMillis() / 1000;
        String jti = randomId();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(instance.issuer());
        claims.setSubject(subject);
        claims.setAudience(instance.audience());
        claims.setClaim("client_id", clientId);
        claims.setClaim("scope", String.join(" ", scopes));
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
        claims.setJwtId(jti);
        claims.setClaim("sid", sid == null ? randomId() : sid);
        if (username != null) {
            claims.setClaim("preferred_username", username);
        }
        return keys.sign(claims, AccessTokenJwt.TYPE)
                .map(signed -> new IssuedToken(signed, jti, lifetime.toSeconds(), scopes));
    }

    /** 128 random bits, base64url. */
    static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A minted token, its id and its lifetime in seconds. Its {@code toString} leaves the token out. */
    public record IssuedToken(String value, String jti, long expiresIn, List<String> scopes) {

        @Override
        public String toString() {
            return "IssuedToken[jti=" + jti + "]";
        }
    }
}
