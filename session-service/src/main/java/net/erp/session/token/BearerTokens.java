package net.erp.session.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.erp.contract.error.OAuthError;
import net.erp.contract.token.AccessTokenJwt;
import net.erp.session.config.SessionConfig;

/**
 * Reads and verifies the token of a request: a JWT access token as a bearer token (RFC 6750 section 2.1),
 * or a reference token (PAT/SAT) as a bearer token or in an {@code X-Api-Key} or {@code Api-Key} header
 * (SPEC "Reference tokens"). One request carries one credential: two different ones are refused with
 * {@code invalid_request} (RFC 6750 section 3.1).
 *
 * <p>A verified JWT is remembered by its SHA-256 hash until its {@code exp}, so the hot path verifies a
 * signature once per token; a reference token is introspected at identity-service ({@link ReferenceTokens}).
 * The revocation list is not part of this: it is checked on every request, by the caller.
 */
@ApplicationScoped
public class BearerTokens {

    /** The header a reference token may travel in instead of {@code Authorization}. */
    private static final String API_KEY = "X-Api-Key";

    /** The other header a reference token may travel in. */
    private static final String API_KEY_SHORT = "Api-Key";

    private static final String SCHEME = "bearer ";

    private record Credential(String token, boolean apiKey) {
    }

    private final JwtAccessTokens jwts;
    private final ReferenceTokens referenceTokens;
    private final int cacheSize;
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    BearerTokens(JwtAccessTokens jwts, ReferenceTokens referenceTokens, SessionConfig config) {
        this.jwts = jwts;
        this.referenceTokens = referenceTokens;
        this.cacheSize = config.verifiedTokenCacheSize();
    }

    /** The verified token a request carries, or an RFC 6750 error. */
    public Uni<AccessToken> verify(HttpHeaders headers) {
        Credential credential;
        try {
            credential = credential(headers);
        } catch (OAuthError e) {
            return Uni.createFrom().failure(e);
        }
        String token = credential.token();
        String hash = hash(token);
        if (!AccessTokenJwt.looksLikeJwt(token)) {
            if (!ReferenceTokens.isReferenceToken(token)) {
                return Uni.createFrom().failure(
                        OAuthError.invalidToken("the token is neither a JWT nor a reference token"));
            }
            return referenceTokens.verify(token, hash);
        }
        if (credential.apiKey()) {
            return Uni.createFrom().failure(OAuthError.invalidToken(
                    "an access token goes in the Authorization header; API key headers carry reference tokens"));
        }
        AccessToken known = verified.get(hash);
        if (known != null && known.expiresAt().isAfter(Instant.now())) {
            return Uni.createFrom().item(known);
        }
        return jwts.verify(token).invoke(accessToken -> remember(hash, accessToken));
    }

    private static Credential credential(HttpHeaders headers) {
        List<String> authorizations = values(headers, HttpHeaders.AUTHORIZATION);
        List<String> apiKeys = new ArrayList<>(values(headers, API_KEY));
        apiKeys.addAll(values(headers, API_KEY_SHORT));
        Set<String> presented = new LinkedHashSet<>();
        authorizations.forEach(value -> presented.add(bearerToken(value)));
        apiKeys.forEach(value -> presented.add(value.trim()));
        if (presented.isEmpty()) {
            throw OAuthError.missingToken();
        }
        if (presented.size() > 1) {
            throw OAuthError.invalidRequest("the request carries more than one credential");
        }
        if (!authorizations.isEmpty() && !isBearer(authorizations.get(0))) {
            throw OAuthError.missingToken();
        }
        String token = presented.iterator().next();
        if (token.isEmpty()) {
            throw OAuthError.invalidToken("the token is empty");
        }
        return new Credential(token, authorizations.isEmpty());
    }

    private static List<String> values(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null ? List.of() : values;
    }

    private static boolean isBearer(String authorization) {
        return authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /** The token of a Bearer header; any other scheme stands for itself, so that it counts as a credential. */
    private static String bearerToken(String authorization) {
        return isBearer(authorization) ? authorization.substring(SCHEME.length()).trim() : authorization;
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
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the runtime", e);
        }
    }
}
