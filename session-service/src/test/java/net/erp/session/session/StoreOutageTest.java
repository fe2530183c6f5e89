package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.function.IntSupplier;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis and identity-service's JWKS going away and coming back, with the service left running. */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class StoreOutageTest {

    RedisProxy redisProxy;

    private final TestInstance instance = TestInstance.create(5);

    @AfterEach
    void restore() {
        redisProxy.restore();
        TestIssuer.shared().jwksAvailable(true);
    }

    @Test
    void openWhenRedisUnreachableThenTemporarilyUnavailable() {
        String bearer = TestInstance.bearer(instance.serviceToken());
        redisProxy.cut();

        given().header("Authorization", bearer)
                .when().post("/api/sessions")
                .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void readyWhenRedisUnreachableThenDown() {
        redisProxy.cut();

        given().when().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    void openWhenRedisBackThenServedWithoutRestart() throws InterruptedException {
        String bearer = TestInstance.bearer(instance.serviceToken());
        redisProxy.cut();
        given().header("Authorization", bearer).post("/api/sessions").then().statusCode(503);

        redisProxy.restore();

        assertEquals(200, statusWithin(
                () -> given().header("Authorization", bearer).post("/api/sessions").statusCode(), 10_000));
    }

    @Test
    void readyWhenJwksUnreachableThenDown() throws InterruptedException {
        TestIssuer.shared().jwksAvailable(false);
        Thread.sleep(1_100);

        given().when().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    void readyWhenRedisAndJwksReachableThenUp() throws InterruptedException {
        assertEquals(200, statusWithin(() -> given().get("/q/health/ready").statusCode(), 5_000));
    }

    /** Calls until the answer is 200 or the time is up; the service reconnects by itself meanwhile. */
    private static int statusWithin(IntSupplier call, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        int status = 0;
        while (status != 200 && System.currentTimeMillis() < until) {
            status = call.getAsInt();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        return status;
    }
}
