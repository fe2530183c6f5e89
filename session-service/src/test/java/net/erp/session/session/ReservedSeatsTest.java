package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

/** Licence limit 3 with two reserved accounts: one shared licence, one seat for each reserved account. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class ReservedSeatsTest {

    private final TestInstance instance = TestInstance.create(3, "erp-sync", "carol");

    @Test
    void openWhenSharedLicencesTakenThenReservedUserStillOpens() {
        assertOpens(instance.userToken("alice"));

        assertOpens(instance.userToken("carol"));
    }

    @Test
    void openWhenSharedLicencesTakenThenReservedSystemUserStillOpens() {
        assertOpens(instance.userToken("alice"));

        assertOpens(instance.serviceToken().subject("erp-sync"));
    }

    @Test
    void openWhenSharedLicencesTakenThenOthersRefusedThoughSeatsAreFree() {
        assertOpens(instance.userToken("alice"));

        assertRefused(instance.userToken("bob"));
    }

    @Test
    void openWhenReservedAccountOpensSecondSessionThenItUsesASharedLicence() {
        assertOpens(instance.userToken("carol"));
        assertOpens(instance.userToken("carol"));

        assertRefused(instance.userToken("alice"));
    }

    @Test
    void openWhenEveryLicenceTakenThenReservedAccountsSecondSessionRefused() {
        assertOpens(instance.userToken("carol"));
        assertOpens(instance.serviceToken().subject("erp-sync"));
        assertOpens(instance.userToken("alice"));

        assertRefused(instance.userToken("carol"));
    }

    @Test
    void openWhenReservedSeatFreedThenItsAccountTakesItAgain() {
        TestIssuer.Token first = instance.userToken("carol");
        assertOpens(first);
        assertOpens(instance.userToken("alice"));
        given().header("Authorization", TestInstance.bearer(first)).delete("/api/sessions/" + first.sid())
                .then().statusCode(204);

        assertOpens(instance.userToken("carol"));
    }

    private static void assertOpens(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token))
                .when().post("/api/sessions")
                .then().statusCode(200);
    }

    private static void assertRefused(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token))
                .when().post("/api/sessions")
                .then().statusCode(403).body("error", equalTo("MaximumLicenseCountExceeded"));
    }
}
