package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

/**
 * Reference tokens under {@link ShortTimeouts}: idle expiry 2 s, absolute expiry 3 s, introspection answers
 * used for 1 s. Each test on an instance of one licence.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class ReferenceTokenExpiryTest {

    private final TestInstance instance = TestInstance.create(1);

    @Test
    void openWhenServiceTokenActivePastAbsoluteTimeoutThenItsSessionClosed() throws InterruptedException {
        long start = keepActive(instance.systemToken("erp-sync"));
        sleepUntil(start, 3_300);

        given().header("Authorization", TestInstance.bearer(instance.userToken("bob")))
                .when().post("/api/sessions")
                .then().statusCode(200);
    }

    @Test
    void openWhenPersonalTokenActivePastAbsoluteTimeoutThenItsSessionStillOpen() throws InterruptedException {
        long start = keepActive(instance.personalToken("alice"));
        sleepUntil(start, 3_300);

        given().header("Authorization", TestInstance.bearer(instance.userToken("bob")))
                .when().post("/api/sessions")
                .then().statusCode(403).body("error", equalTo("MaximumLicenseCountExceeded"));
    }

    @Test
    void openWhenDeactivatedAtIdentityThenRefusedOnceTheCachedAnswerIsOld() throws InterruptedException {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        long start = open(pat);
        pat.deactivate();
        sleepUntil(start, 1_300);

        given().header("Authorization", "Bearer " + pat.value())
                .when().post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void openWhenCachedAnswerIsOldThenIntrospectedAgain() throws InterruptedException {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        long start = open(pat);
        sleepUntil(start, 1_300);

        open(pat);

        assertEquals(2, pat.introspections());
    }

    /** Opens, then touches every 800 ms until 2.4 s: always active, never idle for 2 s. */
    private static long keepActive(TestIssuer.ReferenceToken token) throws InterruptedException {
        long start = open(token);
        for (long at = 800; at <= 2_400; at += 800) {
            sleepUntil(start, at);
            open(token);
        }
        return start;
    }

    private static long open(TestIssuer.ReferenceToken token) {
        given().header("X-Api-Key", token.value()).post("/api/sessions").then().statusCode(200);
        return System.currentTimeMillis();
    }

    private static void sleepUntil(long start, long millis) throws InterruptedException {
        long wait = start + millis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
