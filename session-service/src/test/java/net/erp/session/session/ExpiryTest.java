package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static net.erp.session.session.Pacing.sleepUntil;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

/** Idle expiry 2 s and absolute expiry 3 s (see {@link ShortTimeouts}), each on an instance of one licence. */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class ExpiryTest {

    private final TestInstance instance = TestInstance.create(1);

    @Test
    void openWhenIdleTimeoutPassedThenLicenceFreedForAnother() throws InterruptedException {
        long start = open(instance.userToken("alice"));
        sleepUntil(start, 2_300);

        given().header("Authorization", TestInstance.bearer(instance.userToken("bob")))
                .when().post("/api/sessions")
                .then().statusCode(200).body("licensesInUse", equalTo(1));
    }

    @Test
    void openWhenTouchedThenIdleExpirySlides() throws InterruptedException {
        TestIssuer.Token alice = instance.userToken("alice");
        long start = open(alice);
        sleepUntil(start, 1_200);
        open(alice);
        sleepUntil(start, 2_500);

        refused(instance.userToken("bob"));
    }

    @Test
    void openWhenServiceSessionActivePastAbsoluteTimeoutThenClosed() throws InterruptedException {
        TestIssuer.Token service = instance.serviceToken();
        Pacing.activePastAbsoluteTimeout(() -> open(service));

        given().header("Authorization", TestInstance.bearer(instance.serviceToken()))
                .when().post("/api/sessions")
                .then().statusCode(200);
    }

    @Test
    void openWhenUserSessionActivePastAbsoluteTimeoutThenStillOpen() throws InterruptedException {
        TestIssuer.Token alice = instance.userToken("alice");
        Pacing.activePastAbsoluteTimeout(() -> open(alice));

        refused(instance.userToken("bob"));
    }

    @Test
    void openWhenOwnSessionExpiredThenSameTokenOpensANewOne() throws InterruptedException {
        TestIssuer.Token alice = instance.userToken("alice");
        long start = open(alice);
        sleepUntil(start, 2_300);

        given().header("Authorization", TestInstance.bearer(alice))
                .when().post("/api/sessions")
                .then().statusCode(200).body("sessionId", equalTo(alice.sid())).body("licensesInUse", equalTo(1));
    }

    @Test
    void reportWhenSessionExpiredThenItIsNeitherCountedNorListed() throws InterruptedException {
        long start = open(instance.userToken("alice"));
        sleepUntil(start, 2_300);

        given().header("Authorization", TestInstance.bearer(TestInstance.operatorToken()))
                .when().get("/api/instances/" + instance.id + "/licenses")
                .then().statusCode(200).body("licensesInUse", equalTo(0)).body("sessions.size()", equalTo(0));
    }

    @Test
    void metricsWhenSessionExpiresWithoutFurtherCallsThenGaugeShowsTheLicenceFree() throws InterruptedException {
        long start = open(instance.userToken("alice"));
        sleepUntil(start, 3_000);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("licenses_in_use{instance=\"" + instance.id + "\"} 0.0"))
                .body(containsString("sessions_closed_total{instance=\"" + instance.id + "\",reason=\"idle\"} 1.0"));
    }

    /** Opens or touches; returns the moment the answer came, in epoch ms (see {@link Pacing}). */
    private static long open(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions").then().statusCode(200);
        return System.currentTimeMillis();
    }

    private static void refused(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token))
                .when().post("/api/sessions")
                .then().statusCode(403).body("error", equalTo("MaximumLicenseCountExceeded"));
    }
}
