package net.erp.session.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.erp.contract.error.OAuthError;
import net.erp.session.config.SessionConfig;

/**
 * Reads and verifies the bearer token of a request (RFC 6750 section 2.1). A verified token is remembered
 * by its SHA-256 hash until its {@code exp}, so the hot path verifies a signature once per token. The
 * revocation list is not part of this: it is checked on every request, by the caller.
 */
@ApplicationScoped
public class BearerTokens {

    private static final String SCHEME = "bearer ";

    private final JwtAccessTokens jwts;
    private final int cacheSize;
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    BearerTokens(JwtAccessTokens jwts, SessionConfig config) {
        this.jwts = jwts;
        this.cacheSize = config.verifiedTokenCacheSize();
    }

    /** The verified token of an {@code Authorization} header, or an RFC 6750 error. */
    public Uni<AccessToken> verify(String authorization) {
        String token;
        try {
            token = credential(authorization);
        } catch (OAuthError e) {
            return Uni.createFrom().failure(e);
        }
        String hash = hash(token);
        AccessToken known = verified.get(hash);
        if (known != null && known.expiresAt().isAfter(Instant.now())) {
            return Uni.createFrom().item(known);
        }
        if (!isJwt(token)) {
            // Not yet: reference tokens (PAT/SAT) need identity-service's introspection of them, which
            // does not exist yet; a ReferenceTokenVerifier calling it belongs here, and with it the
            // X-Api-Key and Api-Key headers.
            return Uni.createFrom().failure(OAuthError.invalidToken("reference tokens are not accepted yet"));
        }
        return jwts.verify(token).invoke(accessToken -> remember(hash, accessToken));
    }

    private static String credential(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw OAuthError.missingToken();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        if (token.isEmpty()) {
            throw OAuthError.invalidToken("the bearer token is empty");
        }
        return token;
    }

    private static boolean isJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    private void remember(String hash, AccessToken token) {
        if (verified.size() >= cacheSize) {
            Instant now = Instant.now();
            verified.values().removeIf(cached -> !cached.expiresAt().isAfter(now));
            if (verified.size() >= cacheSize) {
                verified.clear();
            }
        }
        verified.put(hash, token);
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the runtime", e);
        }
    }
}
