package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuerResource;
import net.erp.fixtures.redis.OwnRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real Redis stopped and started again under the running service: its connections break, and the Redis
 * that comes back knows neither the sessions nor the session scripts. {@link StoreOutageTest} shows the
 * refusals while Redis is unreachable; this shows the way back.
 */
@QuarkusTest
@TestProfile(OwnRedisProfile.class)
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class RedisRestartTest {

    private static final long RECOVERY_MILLIS = 15_000;

    OwnRedis redis;

    private final TestInstance instance = TestInstance.create(5);

    @AfterEach
    void startAgain() {
        redis.start();
    }

    @Test
    void openWhenRedisRestartedEmptyThenServedAndCountedAgainWithoutARestart() throws InterruptedException {
        String bearer = TestInstance.bearer(instance.serviceToken());
        given().header("Authorization", bearer).post("/api/sessions").then().statusCode(200);
        redis.stop();
        given().header("Authorization", bearer).post("/api/sessions")
                .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));

        redis.start();

        Response served = openWithin(bearer, RECOVERY_MILLIS);
        assertEquals(200, served.statusCode());
        served.then().body("licensesInUse", equalTo(1));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    /** Calls until the answer is 200 or the time is up; the service reconnects by itself meanwhile. */
    private static Response openWithin(String bearer, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        Response answer = given().header("Authorization", bearer).post("/api/sessions");
        while (answer.statusCode() != 200 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            answer = given().header("Authorization", bearer).post("/api/sessions");
        }
        return answer;
    }
}
