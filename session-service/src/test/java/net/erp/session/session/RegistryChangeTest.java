package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import net.erp.contract.registry.RegistryChange;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class RegistryChangeTest {

    @Inject
    RedisDataSource redis;

    @Test
    void openWhenLimitRaisedAndChangePublishedThenNewLimitAppliesAtOnce() {
        TestInstance instance = TestInstance.create(1);
        given().header("Authorization", TestInstance.bearer(instance.serviceToken())).post("/api/sessions")
                .then().statusCode(200);
        given().header("Authorization", TestInstance.bearer(instance.serviceToken())).post("/api/sessions")
                .then().statusCode(403);
        instance.update(2);

        redis.pubsub(String.class).publish(RegistryChange.CHANNEL,
                "{\"type\":\"INSTANCE\",\"instanceId\":\"" + instance.id + "\",\"clientId\":null}");

        assertEquals(200, openWithin(instance, Duration.ofSeconds(2)));
    }

    /** Pub/sub delivers asynchronously: the change must show well inside the 5-second cache lifetime. */
    private static int openWithin(TestInstance instance, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        int status;
        do {
            status = given().header("Authorization", TestInstance.bearer(instance.serviceToken()))
                    .post("/api/sessions").statusCode();
        } while (status != 200 && System.nanoTime() < until);
        return status;
    }
}
