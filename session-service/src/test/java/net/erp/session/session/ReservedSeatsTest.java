package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

/**
 * Licence limit 3 with two reserved accounts: one shared licence, one seat for each reserved account. Then
 * the instance's record changing under open sessions: reserved accounts and the limit.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class ReservedSeatsTest {

    @Inject
    RedisDataSource redis;

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
        closeOwn(first);

        assertOpens(instance.userToken("carol"));
    }

    @Test
    void openWhenAccountTakenOffReservedListThenItsSessionCountsAsSharedAndTheOtherSeatStaysFree() {
        assertOpens(instance.userToken("carol"));
        assertOpens(instance.userToken("alice"));
        instance.updateNow(3, "erp-sync");
        attempt(instance.userToken("bob"));

        assertOpens(instance.serviceToken().subject("erp-sync"));
    }

    @Test
    void openWhenAccountAddedToReservedListThenItOpensThoughSharedLicencesTaken() {
        instance.updateNow(3);
        assertOpens(instance.userToken("alice"));
        assertOpens(instance.userToken("bob"));
        instance.updateNow(3, "carol");

        assertOpens(instance.userToken("carol"));
    }

    /**
     * A seat's session whose hash is gone before its entry was purged: what a replica finds after no replica
     * counted the instance for longer than a session hash outlives its deadline (a day).
     */
    @Test
    void openWhenSeatHoldersSessionVanishedThenTheAccountTakesItsSeatAgain() {
        TestInstance small = TestInstance.create(2, "carol");
        TestIssuer.Token seated = small.userToken("carol");
        assertOpens(seated);
        redis.key().del(SessionKeys.session(small.id, seated.sid()));
        redis.sortedSet(String.class).zadd(SessionKeys.deadlines(small.id), 1, seated.sid());
        assertOpens(small.userToken("alice"));
        attempt(small.userToken("bob"));

        assertOpens(small.userToken("carol"));
    }

    @Test
    void openWhenLimitLoweredBelowOpenSessionsThenTheyStayOpen() {
        TestIssuer.Token alice = instance.userToken("alice");
        assertOpens(alice);
        assertOpens(instance.userToken("carol"));
        assertOpens(instance.serviceToken().subject("erp-sync"));
        instance.updateNow(1);

        given().header("Authorization", TestInstance.bearer(alice))
                .when().post("/api/sessions")
                .then().statusCode(200).body("licensesInUse", equalTo(3)).body("licenseLimit", equalTo(1));
    }

    @Test
    void openWhenLimitLoweredBelowOpenSessionsThenNoneOpensUntilFewerThanTheLimitAreOpen() {
        TestIssuer.Token alice = instance.userToken("alice");
        assertOpens(alice);
        assertOpens(instance.userToken("carol"));
        instance.updateNow(1);
        closeOwn(alice);

        assertRefused(instance.userToken("carol"));
    }

    /** Opens a session or is refused; the test does not mind which. */
    private static void attempt(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions");
    }

    private static void closeOwn(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token)).delete("/api/sessions/" + token.sid())
                .then().statusCode(204);
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
