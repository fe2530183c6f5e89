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
 * taken with {@code GETDEL}, so exactly one redemption wins. A redeemed code leaves a marker naming what it
 * issued, so that a second redemption can revoke it (section 4.1.2: "SHOULD revoke").
 */
@ApplicationScoped
class AuthorizationCodes {

    private static final Logger LOG = Logger.getLogger(AuthorizationCodes.class);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final Duration lifetime;
    private final Duration accessTokenLifetime;

    AuthorizationCodes(ReactiveRedisDataSource redis, ObjectMapper json,
            @ConfigProperty(name = "identity.authorization-code-lifetime") Duration lifetime,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("AUTHORIZATION_CODE_LIFETIME must be positive and at most PT5M");
        }
        this.values = redis.value(String.class);
        this.json = json;
        this.lifetime = lifetime;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** Stores the code's meaning; the answer is the code. */
    Uni<String> issue(String instanceId, AuthorizationCode code) {
        String value = SignInStore.random(32);
        return values.set(key(instanceId, value), write(code), new SetArgs().px(lifetime.toMillis()))
                .onFailure().transform(AuthorizationCodes::unavailable)
                .replaceWith(value);
    }

    /** Takes the code: present once, then never again. */
    Uni<Optional<AuthorizationCode>> redeem(String instanceId, String code) {
        if (code.length() > 128) {
            return Uni.createFrom().item(Optional.empty());
        }
        return values.getdel(key(instanceId, code))
                .onFailure().transform(AuthorizationCodes::unavailable)
                .map(found -> Optional.ofNullable(found).map(stored -> read(stored, AuthorizationCode.class)));
    }

    /** Remembers what a redemption issued, for as long as the access token lives. */
    Uni<Void> redeemed(String instanceId, String code, Redeemed what) {
        return values.set(used(instanceId, code), write(what), new SetArgs().px(accessTokenLifetime.toMillis()))
                .onFailure().transform(AuthorizationCodes::unavailable);
    }

    /** What the first redemption of a code issued, taken once: empty for a code that was never redeemed. */
    Uni<Optional<Redeemed>> reused(String instanceId, String code) {
        if (code.length() > 128) {
            return Uni.createFrom().item(Optional.empty());
        }
        return values.getdel(used(instanceId, code))
                .onFailure().transform(AuthorizationCodes::unavailable)
                .map(found -> Optional.ofNullable(found).map(stored -> read(stored, Redeemed.class)));
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
