package net.erp.identity.authorize;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
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
 * that cannot be reached lets sign-ins through: the password check still stands. A Redis connection pool too busy
 * to take the command refuses the attempt instead, since a flood of parallel guesses is what makes it busy.
 *
 * <p>The check and the count are one Lua script: an attempt that passes is counted as a failure before its
 * password is checked, and taken back when the password was right. Parallel guesses therefore cannot all pass a
 * check that none of them has been counted against yet.
 */
@ApplicationScoped
class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    static final int MAX_FAILURES = 10;
    static final int MAX_ADDRESS_FAILURES = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Whether an attempt may go on, and if not, which count stops it. */
    enum Verdict {
        OPEN, USERNAME, ADDRESS,
        /** Too many commands wait for a Redis connection: refused, for a flood of attempts could cause it. */
        BUSY
    }

    /**
     * Checks and counts in one step, so that parallel attempts cannot all pass the check before any is counted.
     * KEYS: the username's, the pair's and the address's count; ARGV: the two limits and the window in
     * milliseconds. Answers 0 (open, and counted as a failure), 1 (refused by the username) or 2 (by the address).
     */
    private static final String ATTEMPT = """
            local function count(key) return tonumber(redis.call('GET', key) or '0') end
            if count(KEYS[3]) >= tonumber(ARGV[2]) then return 2 end
            if count(KEYS[1]) >= tonumber(ARGV[1]) and count(KEYS[2]) > 0 then return 1 end
            for i = 1, 3 do
              if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
            end
            return 0
            """;

    /**
     * Takes back what {@link #ATTEMPT} counted for an attempt that turned out right: the pair's count goes (so
     * the address is no longer one that failed for the username), the username's and the address's drop by one.
     */
    private static final String SUCCEEDED = """
            redis.call('DEL', KEYS[2])
            for _, key in ipairs({KEYS[1], KEYS[3]}) do
              local n = tonumber(redis.call('GET', key) or '0')
              if n > 1 then redis.call('DECR', key) elseif n == 1 then redis.call('DEL', key) end
            end
            return 0
            """;

    private final ReactiveRedisDataSource redis;

    LoginThrottle(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /**
     * Whether an attempt for {@code username} from {@code address} may go on; one that may is counted as a
     * failure at once, in the same atomic step, and taken back by {@link #succeeded} when the password was
     * right. One round trip.
     */
    Uni<Verdict> attempt(String instanceId, String username, String address) {
        return redis.execute("EVAL", ATTEMPT, "3", userKey(instanceId, username),
                        pairKey(instanceId, username, address), addressKey(instanceId, address),
                        Integer.toString(MAX_FAILURES), Integer.toString(MAX_ADDRESS_FAILURES),
                        Long.toString(WINDOW.toMillis()))
                .map(answer -> Verdict.values()[answer.toInteger()])
                .onFailure(LoginThrottle::poolTooBusy).recoverWithItem(Verdict.BUSY)
                .onFailure().invoke(failure -> LOG.warnf("the login throttle cannot be used: %s", failure.toString()))
                .onFailure().recoverWithItem(Verdict.OPEN);
    }

    private static boolean poolTooBusy(Throwable failure) {
        for (Throwable each = failure; each != null; each = each.getCause()) {
            if (each instanceof ConnectionPoolTooBusyException) {
                return true;
            }
        }
        return false;
    }

    /** The password was right: the attempt no longer counts, and this address's failures for the username go. */
    Uni<Void> succeeded(String instanceId, String username, String address) {
        return redis.execute("EVAL", SUCCEEDED, "3", userKey(instanceId, username),
                        pairKey(instanceId, username, address), addressKey(instanceId, address))
                .onFailure().invoke(failure -> LOG.warnf("the login throttle cannot be written: %s",
                        failure.toString()))
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
