package net.erp.identity.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import net.erp.identity.TestTenant;
import net.erp.identity.user.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The browser sign-in's lifetime in Redis: idle time renewed on use, never past the maximum. */
@QuarkusTest
class SignInStoreTest {

    private final String instanceId = "t" + TestTenant.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x");
    private final User user = new User("u-" + TestTenant.random(4), "alice", "INTERNAL", false, null, null);

    @Inject
    SignInStore store;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "identity.signin.idle-timeout")
    Duration idle;

    @ConfigProperty(name = "identity.signin.max-lifetime")
    Duration maxLifetime;

    private String key(String cookie) {
        return "signin:{" + instanceId + "}:" + SignInStore.sha256(cookie);
    }

    @Test
    void findWhenUsedThenIdleTimeRenewed() {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();
        redis.key().pexpire(key(started.cookie()), 5_000);

        assertTrue(store.find(instanceId, started.cookie()).await().indefinitely().isPresent());

        assertTrue(redis.key().pttl(key(started.cookie())) > idle.toMillis() - 60_000);
    }

    @Test
    void findWhenMaximumLifetimePassedThenEmpty() throws Exception {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();
        SignIn old = started.signIn();
        long longAgo = System.currentTimeMillis() / 1000 - maxLifetime.toSeconds() - 1;
        redis.value(String.class).set(key(started.cookie()), json.writeValueAsString(new SignIn(old.sid(),
                old.instanceId(), old.userId(), old.username(), longAgo, old.logoutToken())));

        assertTrue(store.find(instanceId, started.cookie()).await().indefinitely().isEmpty());
    }

    @Test
    void findWhenCookieOfAnotherInstanceThenEmpty() {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();

        assertTrue(store.find(instanceId + "x", started.cookie()).await().indefinitely().isEmpty());
    }

    @Test
    void endWhenCalledThenSignInGone() {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();

        store.end(instanceId, started.cookie()).await().indefinitely();

        assertTrue(store.find(instanceId, started.cookie()).await().indefinitely().isEmpty());
    }

    private String usersKey() {
        return "signins:{" + instanceId + "}:user:" + user.id();
    }

    @Test
    void startWhenCalledThenListedUnderTheUserUntilMaximumLifetime() {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();

        assertTrue(redis.set(String.class).sismember(usersKey(), SignInStore.sha256(started.cookie())));
        assertTrue(redis.key().pttl(usersKey()) > maxLifetime.toMillis() - 60_000);
    }

    @Test
    void endWhenCalledThenNoLongerListedUnderTheUser() {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();

        store.end(instanceId, started.cookie()).await().indefinitely();

        assertFalse(redis.set(String.class).sismember(usersKey(), SignInStore.sha256(started.cookie())));
    }

    @Test
    void endAllOfWhenOneTimedOutThenSkippedAndTheOthersEnded() {
        SignInStore.Started gone = store.start(instanceId, user).await().indefinitely();
        SignInStore.Started live = store.start(instanceId, user).await().indefinitely();
        redis.key().del(key(gone.cookie()));

        var ended = store.endAllOf(instanceId, user.id(), signIn -> Uni.createFrom().voidItem())
                .await().indefinitely();

        assertEquals(1, ended.size());
        assertEquals(live.signIn().sid(), ended.get(0).sid());
        assertTrue(store.find(instanceId, live.cookie()).await().indefinitely().isEmpty());
    }

    @Test
    void endAllOfWhenFirstStepFailsThenSignInKept() {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();

        assertThrows(RuntimeException.class, () -> store.endAllOf(instanceId, user.id(),
                signIn -> Uni.createFrom().failure(new IllegalStateException("down"))).await().indefinitely());

        assertTrue(store.find(instanceId, started.cookie()).await().indefinitely().isPresent());
    }

    @Test
    void startWhenCalledThenCookieIsNotTheSid() {
        SignInStore.Started started = store.start(instanceId, user).await().indefinitely();

        assertTrue(!started.cookie().equals(started.signIn().sid()));
        assertEquals(user.id(), started.signIn().userId());
    }
}
