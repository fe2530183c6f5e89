package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static net.erp.session.session.Pacing.sleepUntil;
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
        TestIssuer.ReferenceToken sat = instance.systemToken("erp-sync");
        Pacing.activePastAbsoluteTimeout(() -> open(sat));

        given().header("Authorization", TestInstance.bearer(instance.userToken("bob")))
                .when().post("/api/sessions")
                .then().statusCode(200);
    }

    @Test
    void openWhenPersonalTokenActivePastAbsoluteTimeoutThenItsSessionStillOpen() throws InterruptedException {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        Pacing.activePastAbsoluteTimeout(() -> open(pat));

        given().header("Authorization", TestInstance.bearer(instance.userToken("bob")))
                .when().post("/api/sessions")
                .then().statusCode(403).body("error", equalTo("MaximumLicenseCountExceeded"));
    }

    @Test
    void openWhenDeactivatedAtIdentityThenRefusedOnceTheCachedAnswerIsOld() throws InterruptedException {
        TestIssuer.ReferenceToken pat = openedBeforeTheCachedAnswerAged();
        pat.deactivate();

        given().header("Authorization", "Bearer " + pat.value())
                .when().post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void openWhenCachedAnswerIsOldThenIntrospectedAgain() throws InterruptedException {
        TestIssuer.ReferenceToken pat = openedBeforeTheCachedAnswerAged();

        open(pat);

        assertEquals(2, pat.introspections());
    }

    /** Opens or touches with the token in X-Api-Key; returns the moment the answer came, in epoch ms. */
    private static long open(TestIssuer.ReferenceToken token) {
        given().header("X-Api-Key", token.value()).post("/api/sessions").then().statusCode(200);
        return System.currentTimeMillis();
    }

    /** A PAT that opened its session longer ago than the introspection's answer is used (1 s). */
    private TestIssuer.ReferenceToken openedBeforeTheCachedAnswerAged() throws InterruptedException {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        sleepUntil(open(pat), 1_300);
        return pat;
    }
}
