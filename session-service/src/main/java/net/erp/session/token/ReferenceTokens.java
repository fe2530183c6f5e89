package net.erp.session.token;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.session.config.SessionConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Verifies reference tokens (PAT/SAT, SPEC "Reference tokens") by identity-service's internal introspection
 * (RFC 7662 section 2 in spirit). Each answer, active or not, is remembered by the token's SHA-256 hash for
 * {@code session.reference-token-cache-ttl}, so that a busy token costs one call per interval and a
 * revocation at identity-service takes effect within it; concurrent requests for one token share one call.
 * A failed call is not remembered: the request is answered 503, never with a session.
 *
 * <p>A reference token is its own sign-in: its id is both its {@code jti} and its {@code sid}, so it opens a
 * session of its own, and {@code rev:{i}:jti:<id>} refuses it at once.
 */
@ApplicationScoped
class ReferenceTokens {

    private static final Logger LOG = Logger.getLogger(ReferenceTokens.class);
    private static final Pattern SHAPE = Pattern.compile("erp_(pat|sat)_[A-Za-z0-9_-]{16,256}");

    private record Entry(Uni<Optional<AccessToken>> answer, long fetchedAt) {
    }

    private final IdentityClient identity;
    private final String internalSecret;
    private final MeterRegistry meters;
    private final long ttlMillis;
    private final int cacheSize;
    private final Map<String, Entry> answers = new ConcurrentHashMap<>();

    ReferenceTokens(@RestClient IdentityClient identity, SessionConfig config, MeterRegistry meters,
            @ConfigProperty(name = "platform.internal-secret") Optional<String> internalSecret) {
        this.identity = identity;
        // Optional: when INTERNAL_API_SECRET is missing, InternalCallFilter (service-contract) refuses the start
        // and names it; a plain String here would fail first, with a message that names only the config key.
        this.internalSecret = internalSecret.orElse("");
        this.meters = meters;
        this.ttlMillis = config.referenceTokenCacheTtl().toMillis();
        this.cacheSize = config.verifiedTokenCacheSize();
    }

    /** Whether the value has the shape of a reference token: a fixed prefix a secret scanner matches. */
    static boolean isReferenceToken(String token) {
        return SHAPE.matcher(token).matches();
    }

    /** The token's claims when identity-service calls it active; invalid_token when not, 503 when unasked. */
    Uni<AccessToken> verify(String token, String hash) {
        long now = System.currentTimeMillis();
        Entry cached = answers.get(hash);
        Entry entry;
        if (cached != null && now - cached.fetchedAt() < ttlMillis) {
            meters.counter("reference_token.cache.hits").increment();
            entry = cached;
        } else {
            makeRoom(now);
            entry = answers.compute(hash, (key, raced) -> raced != null && now - raced.fetchedAt() < ttlMillis
                    ? raced : new Entry(introspect(token, hash), now));
        }
        return entry.answer()
                .onFailure().invoke(() -> answers.remove(hash, entry))
                .map(answer -> answer
                        .filter(accessToken -> accessToken.expiresAt().isAfter(Instant.now()))
                        .orElseThrow(() -> OAuthError.invalidToken("the reference token is not active")));
    }

    private Uni<Optional<AccessToken>> introspect(String token, String hash) {
        return identity.introspect(internalSecret, new ReferenceTokenQuery(token))
                .map(answer -> toAccessToken(answer, hash))
                .invoke(answer -> count(answer.isPresent() ? "active" : "inactive"))
                .onFailure().transform(e -> {
                    count("error");
                    report(e, hash);
                    return OAuthError.unavailable("reference tokens cannot be verified now");
                })
                .memoize().indefinitely();
    }

    private static Optional<AccessToken> toAccessToken(ReferenceTokenIntrospection answer, String hash) {
        if (!answer.active()) {
            return Optional.empty();
        }
        boolean personal = "PAT".equals(answer.kind());
        boolean complete = answer.instanceId() != null && answer.id() != null && answer.subject() != null
                && answer.clientId() != null && answer.issuedAt() != null && answer.expiresAt() != null
                && (personal ? answer.username() != null : "SAT".equals(answer.kind()));
        if (!complete) {
            throw new IllegalStateException("identity-service answered an incomplete introspection for token "
                    + hash.substring(0, 8));
        }
        Set<String> scopes = answer.scopes() == null ? Set.of() : Set.copyOf(answer.scopes());
        return Optional.of(new AccessToken(answer.instanceId(), answer.subject(), answer.clientId(), answer.id(),
                answer.id(), Instant.ofEpochSecond(answer.issuedAt()), Instant.ofEpochSecond(answer.expiresAt()),
                scopes, personal ? answer.username() : null));
    }

    private static void report(Throwable e, String hash) {
        int status = e instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
        String cause = status > 0 ? "status " + status : e.getClass().getSimpleName();
        if (status == 401 || status == 403 || e instanceof IllegalStateException) {
            LOG.errorf(e, "identity-service refused or garbled the introspection of reference token %s (%s)",
                    hash.substring(0, 8), cause);
        } else {
            LOG.warnf("identity-service cannot introspect reference token %s: %s", hash.substring(0, 8), cause);
        }
    }

    private void count(String result) {
        meters.counter("reference_token.introspections", "result", result).increment();
    }

    /** Keeps the cache bounded: stale answers go first, everything when that is not enough. */
    private void makeRoom(long now) {
        if (answers.size() < cacheSize) {
            return;
        }
        answers.values().removeIf(entry -> now - entry.fetchedAt() >= ttlMillis);
        if (answers.size() >= cacheSize) {
            answers.clear();
        }
    }
}
