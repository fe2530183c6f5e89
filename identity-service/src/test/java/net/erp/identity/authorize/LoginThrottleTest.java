package net.erp.identity.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import net.erp.identity.TestTenant;
import net.erp.identity.authorize.LoginThrottle.Verdict;
import org.junit.jupiter.api.Test;

/** The login throttle against the real Redis: per username only for guessing addresses, and per address. */
@QuarkusTest
class LoginThrottleTest {

    private static final String GUESSER = "192.0.2.10";
    private static final String OWNER = "198.51.100.20";

    private final String instanceId = "t" + TestTenant.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x");

    @Inject
    LoginThrottle throttle;

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.attempt(instanceId, username, address).await().indefinitely();
        }
    }

    private Verdict check(String username, String address) {
        return throttle.attempt(instanceId, username, address).await().indefinitely();
    }

    @Test
    void checkWhenUsernameFailedTooOftenFromThisAddressThenRefused() {
        fail("alice", GUESSER, LoginThrottle.MAX_FAILURES);

        assertEquals(Verdict.USERNAME, check("alice", GUESSER));
    }

    @Test
    void checkWhenUsernameFailedTooOftenFromAnotherAddressThenOpen() {
        fail("alice", GUESSER, LoginThrottle.MAX_FAILURES);

        assertEquals(Verdict.OPEN, check("alice", OWNER));
    }

    @Test
    void checkWhenUsernameFailedTooOftenAndThisAddressFailedOnceThenRefused() {
        fail("alice", GUESSER, LoginThrottle.MAX_FAILURES);
        fail("alice", OWNER, 1);

        assertEquals(Verdict.USERNAME, check("alice", OWNER));
    }

    @Test
    void checkWhenFailuresSpreadOverAddressesReachTheLimitThenEachOfThemRefused() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            fail("alice", "203.0.113." + i, 1);
        }

        assertEquals(Verdict.USERNAME, check("alice", "203.0.113.3"));
    }

    @Test
    void checkWhenBelowTheLimitThenOpen() {
        fail("alice", GUESSER, LoginThrottle.MAX_FAILURES - 1);

        assertEquals(Verdict.OPEN, check("alice", GUESSER));
    }

    @Test
    void checkWhenAddressFailedTooOftenOverUsernamesThenRefusedForAnyUsername() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
            fail("user" + i, GUESSER, 1);
        }

        assertEquals(Verdict.ADDRESS, check("someone-else", GUESSER));
    }

    @Test
    void checkWhenAddressFailedTooOftenThenOtherAddressesOpen() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
            fail("user" + i, GUESSER, 1);
        }

        assertEquals(Verdict.OPEN, check("someone-else", OWNER));
    }

    @Test
    void succeededWhenOwnerSignsInThenGuesserStillRefused() {
        fail("alice", GUESSER, LoginThrottle.MAX_FAILURES);
        fail("alice", OWNER, 1);

        throttle.succeeded(instanceId, "alice", OWNER).await().indefinitely();

        assertEquals(Verdict.OPEN, check("alice", OWNER));
        assertEquals(Verdict.USERNAME, check("alice", GUESSER));
    }

    @Test
    void attemptWhenManyInParallelThenOnlyTheLimitPasses() {
        List<Uni<Verdict>> attempts = new ArrayList<>();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES * 2; i++) {
            attempts.add(throttle.attempt(instanceId, "alice", GUESSER));
        }

        List<Verdict> verdicts = Uni.join().all(attempts).andFailFast().await().indefinitely();

        assertEquals(LoginThrottle.MAX_FAILURES, verdicts.stream().filter(verdict -> verdict == Verdict.OPEN).count());
    }

    @Test
    void attemptWhenMoreInParallelThanTheRedisPoolTakesThenStillOnlyTheLimitPasses() {
        List<Uni<Verdict>> attempts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            attempts.add(throttle.attempt(instanceId, "alice", GUESSER));
        }

        List<Verdict> verdicts = Uni.join().all(attempts).andFailFast().await().indefinitely();

        assertTrue(verdicts.stream().filter(verdict -> verdict == Verdict.OPEN).count() <= LoginThrottle.MAX_FAILURES,
                "open: " + verdicts);
    }

    @Test
    void succeededWhenPasswordWasRightThenTheAttemptIsNotAFailure() {
        fail("alice", GUESSER, LoginThrottle.MAX_FAILURES - 1);
        check("alice", OWNER);

        throttle.succeeded(instanceId, "alice", OWNER).await().indefinitely();

        assertEquals(Verdict.OPEN, check("alice", GUESSER));
    }

    @Test
    void addressHashWhenSameIpv6Slash64ThenSame() {
        assertEquals(LoginThrottle.addressHash("2001:db8:1:2::1"), LoginThrottle.addressHash("2001:db8:1:2:ffff::9"));
    }

    @Test
    void addressHashWhenOtherIpv6Slash64ThenDifferent() {
        assertNotEquals(LoginThrottle.addressHash("2001:db8:1:2::1"), LoginThrottle.addressHash("2001:db8:1:3::1"));
    }

    @Test
    void addressHashWhenIpv4ThenWholeAddressCounts() {
        assertNotEquals(LoginThrottle.addressHash("192.0.2.1"), LoginThrottle.addressHash("192.0.2.2"));
    }
}
