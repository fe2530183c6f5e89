package net.erp.identity.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.erp.contract.error.OAuthError;
import net.erp.identity.user.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Browser sign-ins in Redis, under {@code signin:{instanceId}:<SHA-256 of the cookie value>}. The cookie value
 * is a random secret of its own, not the {@code sid} (which every access token shows). A sign-in ends after
 * {@code SIGNIN_IDLE_TIMEOUT} without use and {@code SIGNIN_MAX_LIFETIME} after the password was entered,
 * whichever comes first (Keycloak's "SSO Session Idle" and "SSO Session Max").
 *
 * <p>Each user's sign-ins are also listed, by the same hashes, in the set {@code signins:{instanceId}:user:<id>},
 * so that a password change or deletion can end them all. The set expires with the newest sign-in's maximum
 * lifetime, which no older sign-in outlives; members whose sign-in timed out stay until then and are skipped.
 */
@ApplicationScoped
public class SignInStore {

    private static final Logger LOG = Logger.getLogger(SignInStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final ObjectMapper json;
    private final Duration idle;
    private final Duration maxLifetime;

    SignInStore(ReactiveRedisDataSource redis, ObjectMapper json,
            @ConfigProperty(name = "identity.signin.idle-timeout") Duration idle,
            @ConfigProperty(name = "identity.signin.max-lifetime") Duration maxLifetime) {
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key(String.class);
        this.json = json;
        this.idle = idle;
        this.maxLifetime = maxLifetime;
    }

    /** A new sign-in of {@code user}; the answer holds the cookie value that names it. */
    public Uni<Started> start(String instanceId, User user) {
        String cookie = random(32);
        SignIn signIn = new SignIn(random(16), instanceId, user.id(), user.username(), nowSeconds(), random(24));
        String users = userKey(instanceId, user.id());
        // Listed first: a sign-in never exists unlisted; a listing whose sign-in was not stored is skipped.
        return sets.sadd(users, sha256(cookie))
                .flatMap(added -> keys.pexpire(users, maxLifetime))
                .flatMap(listed -> values.set(key(instanceId, cookie), write(signIn),
                        new SetArgs().px(idle.toMillis())))
                .onFailure().transform(SignInStore::unavailable)
                .replaceWith(new Started(signIn, cookie));
    }

    /**
     * The sign-in the cookie names, its idle time renewed; empty when there is none, or it timed out, or it
     * passed its maximum lifetime.
     */
    public Uni<Optional<SignIn>> find(String instanceId, String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 128) {
            return Uni.createFrom().item(Optional.empty());
        }
        String key = key(instanceId, cookie);
        return values.get(key)
                .onFailure().transform(SignInStore::unavailable)
                .flatMap(found -> {
                    if (found == null) {
                        return Uni.createFrom().item(Optional.<SignIn>empty());
                    }
                    SignIn signIn = read(found);
                    long left = (signIn.authTime() + maxLifetime.toSeconds() - nowSeconds()) * 1000;
                    if (left <= 0 || !signIn.instanceId().equals(instanceId)) {
                        return Uni.createFrom().item(Optional.<SignIn>empty());
                    }
                    return values.set(key, found, new SetArgs().px(Math.min(left, idle.toMillis())).xx())
                            .replaceWith(Optional.of(signIn));
                });
    }

    /** Ends the sign-in the cookie names (logout); nothing when there is none. */
    public Uni<Void> end(String instanceId, String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 128) {
            return Uni.createFrom().voidItem();
        }
        String hash = sha256(cookie);
        return values.getdel(key(instanceId, cookie))
                .flatMap(found -> found == null ? Uni.createFrom().voidItem()
                        : sets.srem(userKey(instanceId, read(found).userId()), hash).replaceWithVoid())
                .onFailure().transform(SignInStore::unavailable)
                .replaceWithVoid();
    }

    /**
     * Ends every live sign-in of the user (password change, deletion): for each, {@code first} runs, then the
     * sign-in is removed. A failure of {@code first} leaves that sign-in and the ones after it in place, so
     * that a retry finds them. The answer lists the sign-ins ended.
     */
    public Uni<List<SignIn>> endAllOf(String instanceId, String userId, Function<SignIn, Uni<Void>> first) {
        String users = userKey(instanceId, userId);
        return sets.smembers(users)
                .onFailure().transform(SignInStore::unavailable)
                .flatMap(hashes -> Multi.createFrom().iterable(hashes)
                        .onItem().transformToUniAndConcatenate(hash -> endListed(instanceId, userId, hash, first))
                        .filter(Optional::isPresent).map(Optional::get)
                        .collect().asList());
    }

    private Uni<Optional<SignIn>> endListed(String instanceId, String userId, String hash,
            Function<SignIn, Uni<Void>> first) {
        String key = keyOfHash(instanceId, hash);
        return values.get(key)
                .onFailure().transform(SignInStore::unavailable)
                .flatMap(found -> {
                    SignIn signIn = found == null ? null : read(found);
                    if (signIn == null || !signIn.userId().equals(userId)) {
                        return sets.srem(userKey(instanceId, userId), hash)
                                .onFailure().transform(SignInStore::unavailable)
                                .replaceWith(Optional.<SignIn>empty());
                    }
                    return first.apply(signIn)
                            .flatMap(done -> keys.del(key)
                                    .flatMap(deleted -> sets.srem(userKey(instanceId, userId), hash))
                                    .onFailure().transform(SignInStore::unavailable))
                            .replaceWith(Optional.of(signIn));
                });
    }

    private String write(SignIn signIn) {
        try {
            return json.writeValueAsString(signIn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sign-in cannot be written", e);
        }
    }

    private SignIn read(String stored) {
        try {
            return json.readValue(stored, SignIn.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("a stored sign-in cannot be read: %s", e.getClass().getSimpleName());
            throw OAuthError.unavailable("the sign-in cannot be read; sign in again");
        }
    }

    private static String key(String instanceId, String cookie) {
        return keyOfHash(instanceId, sha256(cookie));
    }

    private static String keyOfHash(String instanceId, String hash) {
        return "signin:{" + instanceId + "}:" + hash;
    }

    private static String userKey(String instanceId, String userId) {
        return "signins:{" + instanceId + "}:user:" + userId;
    }

    /** The lowercase hex SHA-256 of a secret, the form in which secrets are used as keys. */
    public static String sha256(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof OAuthError) {
            return failure;
        }
        LOG.warnf("the sign-in store cannot be reached: %s", failure.toString());
        return OAuthError.unavailable("the sign-in store cannot be reached; try again");
    }

    /** A sign-in just started and its cookie value; {@code toString} leaves the cookie out. */
    public record Started(SignIn signIn, String cookie) {

        @Override
        public String toString() {
            return "Started[" + signIn + "]";
        }
    }
}
