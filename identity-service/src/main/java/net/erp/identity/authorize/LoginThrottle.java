package net.erp.identity.authorize;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import net.erp.identity.signin.SignInStore;
import org.jboss.logging.Logger;

/**
 * A guard against password guessing (RFC 9700 section 4.12 and OWASP's "account lockout" advice) that an
 * attacker cannot turn against a user. Failed passwords are counted three ways, each for {@link #WINDOW}
 * from its first failure, in Redis under the instance's hash tag:
 * <ul>
 * <li>per username ({@code login:{i}:fail:<hash of the lower-case username>}),</li>
 * <li>per username and client address ({@code login:{i}:fail:<username hash>:<address hash>}),</li>
 * <li>per client address over every username ({@code login:{i}:addr:<address hash>}).</li>
 * </ul>
 * After {@link #MAX_FAILURES} failures for a username, attempts for it are refused only from addresses that
 * have failed for it themselves, so the user's own browser can still sign in while the guesser cannot; an
 * address with {@link #MAX_ADDRESS_FAILURES} failures over all usernames is refused for every username. A
 * success clears only its address's count for the username, so the victim signing in does not reset the
 * attacker's progress. IPv6 addresses count by their /64 prefix, which one host usually holds whole. A Redis
 * that cannot be reached lets sign-ins through: the password check still stands.
 */
@ApplicationScoped
class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    static final int MAX_FAILURES = 10;
    static final int MAX_ADDRESS_FAILURES = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Whether an attempt may go on, and if not, which count stops it. */
    enum Verdict {
        OPEN, USERNAME, ADDRESS
    }

    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;

    LoginThrottle(ReactiveRedisDataSource redis) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
    }

    /** Whether an attempt for {@code username} from {@code address} is refused. One round trip. */
    Uni<Verdict> check(String instanceId, String username, String address) {
        String user = userKey(instanceId, username);
        String pair = pairKey(instanceId, username, address);
        String from = addressKey(instanceId, address);
        return counters.mget(user, pair, from)
                .map(found -> verdict(found, user, pair, from))
                .onFailure().invoke(failure -> LOG.warnf("the login throttle cannot be read: %s", failure.toString()))
                .onFailure().recoverWithItem(Verdict.OPEN);
    }

    private static Verdict verdict(Map<String, Long> found, String user, String pair, String from) {
        if (count(found, from) >= MAX_ADDRESS_FAILURES) {
            return Verdict.ADDRESS;
        }
        return count(found, user) >= MAX_FAILURES && count(found, pair) > 0 ? Verdict.USERNAME : Verdict.OPEN;
    }

    private static long count(Map<String, Long> found, String key) {
        Long count = found.get(key);
        return count == null ? 0 : count;
    }

    Uni<Void> failed(String instanceId, String username, String address) {
        return count(userKey(instanceId, username))
                .flatMap(done -> count(pairKey(instanceId, username, address)))
                .flatMap(done -> count(addressKey(instanceId, address)))
                .onFailure().invoke(failure -> LOG.warnf("the login throttle cannot be written: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> count(String key) {
        return counters.incr(key)
                .call(count -> count == 1 ? keys.pexpire(key, WINDOW.toMillis()) : Uni.createFrom().nullItem())
                .replaceWithVoid();
    }

    Uni<Void> succeeded(String instanceId, String username, String address) {
        return keys.del(pairKey(instanceId, username, address))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The hash under which the username appears in keys and audit lines. */
    static String hash(String username) {
        return SignInStore.sha256(username == null ? "" : username.trim().toLowerCase(Locale.ROOT)).substring(0, 16);
    }

    /**
     * The hash under which a client address is counted: of the address itself for IPv4, of its /64 prefix for
     * IPv6; of the text as given when it is no IP literal.
     */
    static String addressHash(String address) {
        String counted = address == null ? "" : address;
        if (counted.indexOf(':') >= 0) {
            try {
                // An IPv6 literal: parsed without a name lookup.
                InetAddress parsed = InetAddress.getByName(counted.startsWith("[") ? counted : "[" + counted + "]");
                if (parsed instanceof Inet6Address) {
                    counted = HexFormat.of().formatHex(Arrays.copyOf(parsed.getAddress(), 8)) + "::/64";
                }
            } catch (UnknownHostException | SecurityException e) {
                // Not an IPv6 literal: counted as given.
            }
        }
        return SignInStore.sha256(counted).substring(0, 16);
    }

    private static String userKey(String instanceId, String username) {
        return "login:{" + instanceId + "}:fail:" + hash(username);
    }

    private static String pairKey(String instanceId, String username, String address) {
        return userKey(instanceId, username) + ":" + addressHash(address);
    }

    private static String addressKey(String instanceId, String address) {
        return "login:{" + instanceId + "}:addr:" + addressHash(address);
    }
}
