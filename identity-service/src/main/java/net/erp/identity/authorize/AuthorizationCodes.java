package net.erp.identity.authorize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.identity.signin.SignInStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Authorization codes in Redis (RFC 6749 section 4.1.2, 10.5): 256 random bits, kept as
 * {@code authz:{instanceId}:code:<SHA-256>} for {@code AUTHORIZATION_CODE_LIFETIME} (at most 5 minutes) and
 * taken in one atomic step that also leaves a marker ({@code authz:{instanceId}:used:<SHA-256>}), so exactly one
 * redemption wins and any later one finds the marker (section 4.1.2: "SHOULD revoke"). The marker says
 * "claimed" while the winner issues, then what it issued. A second redemption marks it "reused" and revokes
 * what it names; when it names nothing yet, the winner finds "reused" instead of recording and revokes what it
 * issued itself. Both steps are atomic on one key, so one of the two always sees the other.
 */
@ApplicationScoped
class AuthorizationCodes {

    private static final Logger LOG = Logger.getLogger(AuthorizationCodes.class);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    /** The marker of a code taken by a redemption that is still issuing its tokens. */
    private static final String CLAIMED = "claimed";
    /** The marker of a code redeemed again while, or after, its first redemption issued. */
    private static final String REUSED = "reused";

    /**
     * KEYS: the code, its marker; ARGV: {@link #CLAIMED}, the marker's lifetime in milliseconds. Takes the code
     * and claims it in one step: nil when it is gone.
     */
    private static final String CLAIM = """
            local code = redis.call('GET', KEYS[1])
            if not code then return false end
            redis.call('DEL', KEYS[1])
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            return code
            """;

    /**
     * KEYS: the marker; ARGV: what was issued, {@link #REUSED}. 1 when recorded, 0 when a second redemption
     * marked the code meanwhile.
     */
    private static final String RECORD = """
            local marker = redis.call('GET', KEYS[1])
            if marker == ARGV[2] then return 0 end
            if marker then redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL') end
            return 1
            """;

    /**
     * KEYS: the marker; ARGV: {@link #REUSED}, {@link #CLAIMED}. Marks the code reused and answers what the
     * first redemption recorded, or nil when it recorded nothing yet (or the code was reported before).
     */
    private static final String REUSE = """
            local marker = redis.call('GET', KEYS[1])
            if not marker then return false end
            redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
            if marker == ARGV[1] or marker == ARGV[2] then return false end
            return marker
            """;

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final Duration lifetime;
    private final Duration markerLifetime;

    AuthorizationCodes(ReactiveRedisDataSource redis, ObjectMapper json,
            @ConfigProperty(name = "identity.authorization-code-lifetime") Duration lifetime,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("AUTHORIZATION_CODE_LIFETIME must be positive and at most PT5M");
        }
        this.values = redis.value(String.class);
        this.redis = redis;
        this.json = json;
        this.lifetime = lifetime;
        // Past the expiry of the access token the first redemption issues, which is minted after the claim.
        this.markerLifetime = accessTokenLifetime.plus(lifetime);
    }

    /** Stores the code's meaning; the answer is the code. */
    Uni<String> issue(String instanceId, AuthorizationCode code) {
        String value = SignInStore.random(32);
        return values.set(key(instanceId, value), write(code), new SetArgs().px(lifetime.toMillis()))
                .onFailure().transform(AuthorizationCodes::unavailable)
                .replaceWith(value);
    }

    /**
     * Takes the code: present once, then never again. The same atomic step leaves the claim marker, so that a
     * redemption racing this one always finds it.
     */
    Uni<Optional<AuthorizationCode>> redeem(String instanceId, String code) {
        if (code.length() > 128) {
            return Uni.createFrom().item(Optional.empty());
        }
        return redis.execute("EVAL", CLAIM, "2", key(instanceId, code), used(instanceId, code), CLAIMED,
                        Long.toString(markerLifetime.toMillis()))
                .onFailure().transform(AuthorizationCodes::unavailable)
                .map(found -> Optional.ofNullable(found)
                        .map(stored -> read(stored.toString(), AuthorizationCode.class)));
    }

    /**
     * Records what the winning redemption issued; {@code false} when another redemption of the code came first
     * (the marker says "reused"), in which case the caller must revoke what it issued itself.
     */
    Uni<Boolean> redeemed(String instanceId, String code, Redeemed what) {
        return redis.execute("EVAL", RECORD, "1", used(instanceId, code), write(what), REUSED)
                .onFailure().transform(AuthorizationCodes::unavailable)
                .map(recorded -> recorded.toInteger() == 1);
    }

    /**
     * Marks the code as reused and answers what its first redemption issued: empty for a code never redeemed,
     * for one whose first redemption is still issuing (it finds the mark and revokes its tokens itself), and for
     * one already reported as reused.
     */
    Uni<Optional<Redeemed>> reused(String instanceId, String code) {
        if (code.length() > 128) {
            return Uni.createFrom().item(Optional.empty());
        }
        return redis.execute("EVAL", REUSE, "1", used(instanceId, code), REUSED, CLAIMED)
                .onFailure().transform(AuthorizationCodes::unavailable)
                .map(found -> Optional.ofNullable(found).map(stored -> read(stored.toString(), Redeemed.class)));
    }

    private static String key(String instanceId, String code) {
        return "authz:{" + instanceId + "}:code:" + SignInStore.sha256(code);
    }

    private static String used(String instanceId, String code) {
        return "authz:{" + instanceId + "}:used:" + SignInStore.sha256(code);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an authorization code cannot be written", e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            LOG.errorf("a stored authorization code cannot be read: %s", e.getClass().getSimpleName());
            throw OAuthError.invalidGrant("the authorization code cannot be used");
        }
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof OAuthError) {
            return failure;
        }
        LOG.warnf("the authorization code store cannot be reached: %s", failure.toString());
        return OAuthError.unavailable("the authorization code store cannot be reached; try again");
    }

    /**
     * What a code's redemption issued.
     *
     * @param jti the access token's id
     * @param expiresAt when it expires, epoch seconds
     * @param refreshFamily the refresh-token family started, or {@code null}
     */
    @RegisterForReflection
    record Redeemed(String jti, long expiresAt, String refreshFamily) {
    }
}
