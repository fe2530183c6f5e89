package net.erp.session.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Key;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.erp.contract.error.OAuthError;
import net.erp.session.config.SessionConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The platform's public signing keys (RFC 7517), fetched from identity-service's JWKS and kept in memory.
 * A token naming an unknown {@code kid} makes the set be fetched again, at most once per
 * {@code session.jwks-refetch-interval}, so that a rotated-in key is trusted at once while a flood of
 * forged kids cannot flood identity-service. Concurrent fetches are merged into one.
 */
@ApplicationScoped
class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private record KeySet(Map<String, Key> keys, long fetchedAt) {
    }

    private final IdentityClient identity;
    private final SessionConfig config;
    private final AtomicReference<Uni<KeySet>> inflight = new AtomicReference<>();
    private volatile KeySet current;
    private volatile long lastAttempt;

    SigningKeys(@RestClient IdentityClient identity, SessionConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The verification key a token's header names; fails with invalid_token when it is not published. */
    Uni<Key> key(String kid) {
        KeySet known = current;
        Key key = known == null ? null : known.keys().get(kid);
        if (key != null && !stale(known)) {
            return Uni.createFrom().item(key);
        }
        if (key == null && known != null && !stale(known) && fetchedRecently()) {
            return Uni.createFrom().failure(unknownKey());
        }
        if (known == null && fetchedRecently() && inflight.get() == null) {
            // The last fetch failed a moment ago: answer at once rather than dial identity-service per request.
            return Uni.createFrom().failure(OAuthError.unavailable("the signing keys cannot be fetched"));
        }
        return fetch()
                .onFailure().recoverWithUni(e -> fallback(known, kid))
                .map(set -> set.keys().get(kid))
                .onItem().ifNull().failWith(SigningKeys::unknownKey);
    }

    /** Whether identity-service's JWKS answered within the refetch interval, or answers now. */
    Uni<Boolean> reachable() {
        KeySet known = current;
        long age = known == null ? Long.MAX_VALUE : System.currentTimeMillis() - known.fetchedAt();
        if (age < config.jwksRefetchInterval().toMillis()) {
            return Uni.createFrom().item(true);
        }
        return fetch().map(set -> true).onFailure().recoverWithItem(false);
    }

    private Uni<KeySet> fetch() {
        return Uni.createFrom().deferred(() -> {
            Uni<KeySet> running = inflight.get();
            if (running != null) {
                return running;
            }
            Uni<KeySet> started = identity.jwks()
                    .map(SigningKeys::parse)
                    .invoke(set -> current = set)
                    .onFailure().invoke(e -> LOG.warnf("the JWKS of identity-service cannot be fetched: %s",
                            e.getClass().getSimpleName()))
                    .eventually(() -> inflight.set(null))
                    .memoize().indefinitely();
            if (!inflight.compareAndSet(null, started)) {
                running = inflight.get();
                return running != null ? running : started;
            }
            lastAttempt = System.currentTimeMillis();
            return started;
        });
    }

    private Uni<KeySet> fallback(KeySet known, String kid) {
        if (known != null && known.keys().containsKey(kid)) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().failure(OAuthError.unavailable("the signing keys cannot be fetched"));
    }

    private static KeySet parse(String json) {
        try {
            Map<String, Key> keys = new HashMap<>();
            for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
                boolean signing = jwk.getUse() == null || "sig".equals(jwk.getUse());
                if (signing && jwk.getKeyId() != null && jwk instanceof PublicJsonWebKey publicKey) {
                    keys.put(jwk.getKeyId(), publicKey.getPublicKey());
                }
            }
            return new KeySet(Map.copyOf(keys), System.currentTimeMillis());
        } catch (JoseException e) {
            throw new IllegalStateException("identity-service answered a JWKS that cannot be read", e);
        }
    }

    private boolean stale(KeySet set) {
        return System.currentTimeMillis() - set.fetchedAt() > config.jwksMaxAge().toMillis();
    }

    private boolean fetchedRecently() {
        return System.currentTimeMillis() - lastAttempt < config.jwksRefetchInterval().toMillis();
    }

    private static OAuthError unknownKey() {
        return OAuthError.invalidToken("the token is signed by a key the platform does not publish");
    }
}
