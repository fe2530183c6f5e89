package net.erp.identity.authorize;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import net.erp.identity.signin.SignInStore;
import org.jboss.logging.Logger;

/**
 * A per-username guard against password guessing: after {@link #MAX_FAILURES} wrong passwords within
 * {@link #WINDOW} the username cannot sign in until the window, counted from the first failure, ends. Kept
 * in Redis under {@code login:{instanceId}:fail:<SHA-256 of the lower-case username>}; a success clears it.
 * A Redis that cannot be reached lets sign-ins through: the password check still stands.
 */
@ApplicationScoped
class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;

    LoginThrottle(ReactiveRedisDataSource redis) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
    }

    Uni<Boolean> blocked(String instanceId, String username) {
        return counters.get(key(instanceId, username))
                .map(failures -> failures != null && failures >= MAX_FAILURES)
                .onFailure().invoke(failure -> LOG.warnf("the login throttle cannot be read: %s", failure.toString()))
                .onFailure().recoverWithItem(false);
    }

    Uni<Void> failed(String instanceId, String username) {
        String key = key(instanceId, username);
        return counters.incr(key)
                .call(count -> count == 1 ? keys.pexpire(key, WINDOW.toMillis()) : Uni.createFrom().nullItem())
                .onFailure().invoke(failure -> LOG.warnf("the login throttle cannot be written: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    Uni<Void> succeeded(String instanceId, String username) {
        return keys.del(key(instanceId, username))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The hash under which the username appears in keys and audit lines. */
    static String hash(String username) {
        return SignInStore.sha256(username == null ? "" : username.trim().toLowerCase(Locale.ROOT)).substring(0, 16);
    }

    private static String key(String instanceId, String username) {
        return "login:{" + instanceId + "}:fail:" + hash(username);
    }
}
