package net.erp.identity.authorize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.identity.signin.SignInStore;
import org.jboss.logging.Logger;

/**
 * Authorization requests waiting for the user to sign in, in Redis under
 * {@code authz:{instanceId}:req:<id>} for 15 minutes (Keycloak's "login timeout" is 30). The id is random,
 * travels only in the login form, and so also makes the form's POST safe against cross-site forgery.
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

    /** Keeps the request; the answer is the id the login form carries. */
    Uni<String> save(AuthorizationRequest request) {
        String id = SignInStore.random(24);
        return values.set(key(request.instanceId(), id), write(request), new SetArgs().px(LOGIN_TIMEOUT.toMillis()))
                .onFailure().transform(PendingAuthorizations::unavailable)
                .replaceWith(id);
    }

    Uni<Optional<AuthorizationRequest>> find(String instanceId, String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Uni.createFrom().item(Optional.empty());
        }
        return values.get(key(instanceId, id))
                .onFailure().transform(PendingAuthorizations::unavailable)
                .map(found -> Optional.ofNullable(found).map(this::read)
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

    private String write(AuthorizationRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an authorization request cannot be written", e);
        }
    }

    private AuthorizationRequest read(String stored) {
        try {
            return json.readValue(stored, AuthorizationRequest.class);
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
}
