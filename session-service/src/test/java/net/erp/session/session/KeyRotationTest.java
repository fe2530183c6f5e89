package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuerResource;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key rotated in after the service cached the JWKS; the JWKS may be fetched again once a second. */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class KeyRotationTest {

    RotatingJwks jwks;

    private final TestInstance instance = TestInstance.create(5);

    @BeforeEach
    void cacheTheKeys() throws InterruptedException {
        given().header("Authorization", TestInstance.bearer(instance.serviceToken())).post("/api/sessions")
                .then().statusCode(200);
        Thread.sleep(1_100);
    }

    @Test
    void openWhenTokenSignedByKeyPublishedAfterCachingThenJwksFetchedAgainAndAccepted() throws Exception {
        RsaJsonWebKey rotated = RotatingJwks.newKey();
        jwks.publish(rotated);

        given().header("Authorization", "Bearer " + RotatingJwks.sign(rotated, instance.id))
                .when().post("/api/sessions")
                .then().statusCode(200);
    }

    @Test
    void openWhenUnknownKidsArriveInABurstThenJwksFetchedOnce() throws Exception {
        String first = RotatingJwks.sign(RotatingJwks.newKey(), instance.id);
        String second = RotatingJwks.sign(RotatingJwks.newKey(), instance.id);
        int before = jwks.fetches();

        given().header("Authorization", "Bearer " + first).post("/api/sessions").then().statusCode(401);
        given().header("Authorization", "Bearer " + second).post("/api/sessions").then().statusCode(401);

        assertEquals(1, jwks.fetches() - before);
    }
}
