package net.erp.identity.idtoken;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import net.erp.identity.keys.SigningKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Mints ID tokens (OpenID Connect Core 1.0 sections 2 and 3.1.3.6) with the platform's signing keys, typed
 * {@code JWT}: {@code iss}, {@code sub}, {@code aud} and {@code azp} (the client), {@code iat}, {@code exp}
 * (the access-token lifetime), {@code auth_time}, {@code nonce} when the request sent one, {@code sid},
 * {@code at_hash} and {@code preferred_username}.
 */
@ApplicationScoped
public class IdTokenIssuer {

    /** The JOSE {@code typ} of an ID token. */
    public static final String TYPE = "JWT";

    private final SigningKeys keys;
    private final Duration lifetime;

    IdTokenIssuer(SigningKeys keys, @ConfigProperty(name = "platform.access-token-lifetime") Duration lifetime) {
        this.keys = keys;
        this.lifetime = lifetime;
    }

    /** Signs the ID token that goes with {@code accessToken}. */
    public Uni<String> issue(IdTokenContent content, String accessToken) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(content.issuer());
        claims.setSubject(content.subject());
        claims.setAudience(content.clientId());
        claims.setClaim("azp", content.clientId());
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
        claims.setClaim("auth_time", content.authTime());
        if (content.nonce() != null) {
            claims.setClaim("nonce", content.nonce());
        }
        claims.setClaim("sid", content.sid());
        claims.setClaim("at_hash", atHash(accessToken));
        claims.setClaim("preferred_username", content.username());
        return keys.sign(claims, TYPE);
    }

    /**
     * Section 3.1.3.6: the left half of the hash of the access token, base64url. RS256 and ES256 both hash
     * with SHA-256.
     */
    static String atHash(String accessToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * What an ID token says.
     *
     * @param issuer the issuer of the host the sign-in happened on
     * @param subject the user's id
     * @param clientId the app, the token's audience
     * @param sid the sign-in
     * @param authTime when the user entered their password, epoch seconds
     * @param nonce the authorization request's nonce, or {@code null}
     * @param username the user's name
     */
    public record IdTokenContent(String issuer, String subject, String clientId, String sid, long authTime,
            String nonce, String username) {
    }
}
