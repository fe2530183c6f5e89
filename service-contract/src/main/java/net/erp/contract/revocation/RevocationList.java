package net.erp.contract.revocation;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The platform's revocation list in Redis, shared by every replica of every service: revoked token ids,
 * ended sign-ins, and users and apps whose tokens were cut off. Entries expire by themselves once every
 * token they cover has expired, so the list never needs a clean-up.
 *
 * <p>A token is refused when its {@code jti} or {@code sid} is listed, or when it was issued at or before
 * the cut-off of its user or its app. Cut-offs are whole seconds, as {@code iat} is.
 */
@ApplicationScoped
public class RevocationList {

    private final ReactiveValueCommands<String, String> values;

    public RevocationList(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** Whether the token is refused by the list. One round trip: all four keys share one slot. */
    public Uni<Boolean> isRevoked(Revocation token) {
        List<String> keys = RevocationKeys.of(token);
        return values.mget(keys.toArray(String[]::new))
                .map(found -> isRevoked(token, keys, found));
    }

    static boolean isRevoked(Revocation token, List<String> keys, Map<String, String> found) {
        if (found.get(keys.get(0)) != null || found.get(keys.get(1)) != null) {
            return true;
        }
        return cutOff(found.get(keys.get(2)), token.issuedAt()) || cutOff(found.get(keys.get(3)), token.issuedAt());
    }

    private static boolean cutOff(String cutoff, long issuedAt) {
        return cutoff != null && issuedAt <= Long.parseLong(cutoff);
    }

    /** Revokes one token until it expires (RFC 7009). */
    public Uni<Void> revokeToken(String instanceId, String jti, Instant expiresAt) {
        return listUntil(RevocationKeys.jti(instanceId, jti), "1", expiresAt);
    }

    /** Ends a sign-in: its access tokens are refused for as long as any of them can live. */
    public Uni<Void> endSignIn(String instanceId, String sid, Duration accessTokenLifetime) {
        return listFor(RevocationKeys.sid(instanceId, sid), "1", accessTokenLifetime);
    }

    /** Cuts off every token of a user issued up to now (password change, deletion). */
    public Uni<Void> cutOffSubject(String instanceId, String subject, Duration accessTokenLifetime) {
        return listFor(RevocationKeys.subject(instanceId, subject), nowSeconds(), accessTokenLifetime);
    }

    /** Cuts off every token of an app issued up to now (app disabled or deleted). */
    public Uni<Void> cutOffClient(String instanceId, String clientId, Duration accessTokenLifetime) {
        return listFor(RevocationKeys.client(instanceId, clientId), nowSeconds(), accessTokenLifetime);
    }

    private Uni<Void> listUntil(String key, String value, Instant expiresAt) {
        long millis = Math.max(1, expiresAt.toEpochMilli() - System.currentTimeMillis());
        return values.set(key, value, new SetArgs().px(millis));
    }

    private Uni<Void> listFor(String key, String value, Duration lifetime) {
        return values.set(key, value, new SetArgs().px(lifetime.toMillis()));
    }

    private static String nowSeconds() {
        return Long.toString(Instant.now().getEpochSecond());
    }
}
