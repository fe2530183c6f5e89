package net.erp.identity.authorize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.identity.signin.SignInStore;
import org.jboss.logging.Logger;

/**
 * Authorization requests waiting for the user to sign in, in Redis under
 * {@code authz:{instanceId}:req:<SHA-256 of the id>} for 15 minutes (Keycloak's "login timeout" is 30). The id
 * is random and travels only in the login form; the request also keeps the SHA-256 of the browser's
 * {@link LoginCookie}, and is found only with both, so that the form cannot be posted from another browser.
 */
@ApplicationScoped
class PendingAuthorizations {

    private static final Logger LOG = Logger.getLogger(PendingAuthorizations.class);
    static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(15);

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;

    PendingAuthorizations(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.values = redis.value(String.class);
        this.json = json;
    }

    /** Keeps the request for the browser {@code browser} names; the answer is the id the login form carries. */
    Uni<String> save(AuthorizationRequest request, String browser) {
        String id = SignInStore.random(24);
        Pending pending = new Pending(request, SignInStore.sha256(browser));
        return values.set(key(request.instanceId(), id), write(pending), new SetArgs().px(LOGIN_TIMEOUT.toMillis()))
                .onFailure().transform(PendingAuthorizations::unavailable)
                .replaceWith(id);
    }

    /** The request of that id when {@code browser} is the cookie of the browser it was saved for. */
    Uni<Optional<AuthorizationRequest>> find(String instanceId, String id, String browser) {
        if (id == null || id.isEmpty() || id.length() > 64 || browser == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        byte[] presented = SignInStore.sha256(browser).getBytes(StandardCharsets.US_ASCII);
        return values.get(key(instanceId, id))
                .onFailure().transform(PendingAuthorizations::unavailable)
                .map(found -> Optional.ofNullable(found).map(this::read)
                        .filter(pending -> pending.request() != null && pending.browser() != null)
                        .filter(pending -> MessageDigest.isEqual(presented,
                                pending.browser().getBytes(StandardCharsets.US_ASCII)))
                        .map(Pending::request)
                        .filter(request -> request.instanceId().equals(instanceId)));
    }

    /** Forgets the request once it is answered, so that its form cannot be posted twice. */
    Uni<Boolean> remove(String instanceId, String id) {
        return values.getdel(key(instanceId, id))
                .onFailure().transform(PendingAuthorizations::unavailable)
                .map(found -> found != null);
    }

    private static String key(String instanceId, String id) {
        return "authz:{" + instanceId + "}:req:" + SignInStore.sha256(id);
    }

    private String write(Pending pending) {
        try {
            return json.writeValueAsString(pending);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an authorization request cannot be written", e);
        }
    }

    private Pending read(String stored) {
        try {
            return json.readValue(stored, Pending.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("a stored authorization request cannot be read: %s", e.getClass().getSimpleName());
            throw OAuthError.unavailable("the sign-in cannot be continued; start again");
        }
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof OAuthError) {
            return failure;
        }
        LOG.warnf("the authorization store cannot be reached: %s", failure.toString());
        return OAuthError.unavailable("the sign-in store cannot be reached; try again");
    }

    /**
     * A stored request and the browser it belongs to.
     *
     * @param request the checked authorization request
     * @param browser the SHA-256 of the browser's {@link LoginCookie}, hex
     */
    @RegisterForReflection
    record Pending(AuthorizationRequest request, String browser) {
    }
}
