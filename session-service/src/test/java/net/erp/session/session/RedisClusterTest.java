package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.contract.internal.InternalCallFilter;
import net.erp.contract.registry.RegistryChange;
import net.erp.contract.revocation.RevocationKeys;
import net.erp.fixtures.LogLines;
import net.erp.fixtures.RegistryStandIn;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import net.erp.fixtures.redis.RedisCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service on a Redis Cluster of three masters: every session call of two instances whose keys lie in
 * slots of different masters. A CROSSSLOT error would answer 503 here; after each call, every key of the
 * cluster must lie in the slot of the instance its hash tag names, on that slot's master.
 */
@QuarkusTest
@TestProfile(RedisClusterProfile.class)
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class RedisClusterTest {

    private static final Pattern TAG = Pattern.compile("\\{([^}]+)}");
    private static final long CHANGE_WAIT_MILLIS = 5_000;

    RedisCluster cluster;

    @Inject
    Vertx vertx;

    private TestInstance first;
    private TestInstance second;

    @BeforeEach
    void twoInstancesOnDifferentMasters() {
        assumeTrue(RedisCluster.available(),
                "redis-server and redis-cli are not on the PATH: there is no Redis Cluster to test on");
        first = TestInstance.create(2, "carol");
        second = TestInstance.create(1);
        for (int attempt = 0; master(second) == master(first) && attempt < 50; attempt++) {
            second = TestInstance.create(1);
        }
    }

    @Test
    void instancesWhenTheirTagsHashToDifferentMastersThenEachKeepsItsKeysInItsOwnSlot() {
        open(first.userToken("alice"));
        open(second.userToken("dave"));

        assertNotEquals(slot(first), slot(second));
        assertNotEquals(master(first), master(second));
        assertEquals(slot(first), cluster.keyslot(SessionKeys.session(first.id, "any")));
        assertEquals(slot(first), cluster.keyslot(RevocationKeys.jti(first.id, "any")));
        assertFalse(keysOf(first).isEmpty());
        assertTrue(cluster.keysOn(master(first)).containsAll(keysOf(first)));
        assertTrue(cluster.keysOn(master(second)).containsAll(keysOf(second)));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void openWhenTouchedThenSameSessionAndOneLicence() {
        TestIssuer.Token alice = first.userToken("alice");
        open(alice);

        open(alice).then().body("sessionId", equalTo(alice.sid())).body("licensesInUse", equalTo(1));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void openWhenLimitReachedThenMaximumLicenseCountExceededOnEitherMaster() {
        open(first.userToken("alice"));
        open(second.userToken("dave"));

        refused(first.userToken("bob")).then().body("licenseLimit", equalTo(2));
        refused(second.userToken("erin")).then().body("licenseLimit", equalTo(1));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void openWhenSharedLicenceTakenThenReservedAccountTakesItsSeat() {
        open(first.userToken("alice"));

        open(first.userToken("carol")).then().body("licensesInUse", equalTo(2));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void openWhenTokenRevokedThenInvalidToken() {
        TestIssuer.Token alice = first.userToken("alice");
        open(alice);

        first.revokeToken(alice.jti());

        given().header("Authorization", TestInstance.bearer(alice)).post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
        assertTrue(cluster.keysOn(master(first)).contains(RevocationKeys.jti(first.id, alice.jti())));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void openWhenSignInEndedThenInvalidToken() {
        TestIssuer.Token dave = second.userToken("dave");
        open(dave);

        second.endSignIn(dave.sid());

        given().header("Authorization", TestInstance.bearer(dave)).post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void deleteWhenOwnSessionThenClosedAndLicenceFree() {
        TestIssuer.Token dave = second.userToken("dave");
        open(dave);

        given().header("Authorization", TestInstance.bearer(dave)).delete("/api/sessions/" + dave.sid())
                .then().statusCode(204);

        open(second.userToken("erin")).then().body("licensesInUse", equalTo(1));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void licensesWhenOperatorAsksThenEveryOpenSessionListed() {
        open(first.userToken("alice"));
        open(first.userToken("carol"));

        given().header("Authorization", TestInstance.bearer(TestInstance.operatorToken()))
                .when().get("/api/instances/" + first.id + "/licenses")
                .then().statusCode(200).body("licenseLimit", equalTo(2)).body("licensesInUse", equalTo(2))
                .body("sessions", hasSize(2));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void internalCloseWhenBySidThenThatSessionClosed() {
        TestIssuer.Token alice = first.userToken("alice");
        open(alice);

        internalClose(first, "{\"sid\":\"" + alice.sid() + "\"}").then().statusCode(200).body("closed", equalTo(1));

        open(first.userToken("bob")).then().body("licensesInUse", equalTo(1));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void internalCloseWhenBySubjectThenEverySessionOfTheUserClosed() {
        open(first.userToken("carol"));
        open(first.userToken("carol"));

        internalClose(first, "{\"subject\":\"user-carol\"}").then().statusCode(200).body("closed", equalTo(2));

        open(first.userToken("alice")).then().body("licensesInUse", equalTo(1));
        assertEveryKeyInItsInstancesSlot();
    }

    @Test
    void readinessWhenOnTheClusterThenUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void registryChangeWhenPublishedOnAnyNodeThenTheNewLimitCounts() throws InterruptedException {
        open(second.userToken("dave"));
        second.update(2);
        refused(second.userToken("erin"));

        cluster.cli(cluster.ports().get(2), "PUBLISH", RegistryChange.CHANNEL,
                "{\"type\":\"INSTANCE\",\"instanceId\":\"" + second.id + "\"}");

        assertEquals(200, openWithin(second.userToken("erin"), CHANGE_WAIT_MILLIS).statusCode());
    }

    @Test
    void countWhenClientNotInClusterModeThenUnavailableAndTheLogNamesTheRedisError() {
        int otherNode = cluster.ports().stream().filter(port -> port != master(first)).findFirst().orElseThrow();
        Redis standalone = Redis.createClient(vertx, "redis://127.0.0.1:" + otherNode);
        LicenseSlots misconfigured = new LicenseSlots((command, args) -> standalone.send(request(command, args)),
                Duration.ofMinutes(20), Duration.ofHours(1));

        try (LogLines log = LogLines.of(LicenseSlots.class.getName())) {
            assertThrows(OAuthError.class, () -> misconfigured.count(first.id).await().atMost(Duration.ofSeconds(5)));

            assertTrue(log.lines().stream().anyMatch(line -> line.endsWith(" MOVED")), () -> "log: " + log.lines());
        } finally {
            standalone.close();
        }
    }

    /** Every key on every node names one instance by its hash tag and lies in that tag's slot. */
    private void assertEveryKeyInItsInstancesSlot() {
        for (int port : cluster.ports()) {
            for (String key : cluster.keysOn(port)) {
                Matcher tag = TAG.matcher(key);
                assertTrue(tag.find(), () -> "a key without an instance hash tag: " + key);
                int slot = cluster.keyslot("{" + tag.group(1) + "}");
                assertEquals(slot, cluster.keyslot(key), () -> "a key outside its instance's slot: " + key);
                assertEquals(port, cluster.masterOf(slot), () -> "a key on a node that does not serve it: " + key);
            }
        }
    }

    private List<String> keysOf(TestInstance instance) {
        List<String> keys = new ArrayList<>();
        for (int port : cluster.ports()) {
            cluster.keysOn(port).stream().filter(key -> key.contains(RevocationKeys.tag(instance.id)))
                    .forEach(keys::add);
        }
        return keys;
    }

    private int slot(TestInstance instance) {
        return cluster.keyslot(SessionKeys.deadlines(instance.id));
    }

    private int master(TestInstance instance) {
        return cluster.masterOf(slot(instance));
    }

    private static Response open(TestIssuer.Token token) {
        Response answer = given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions");
        answer.then().statusCode(200);
        return answer;
    }

    private static Response refused(TestIssuer.Token token) {
        Response answer = given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions");
        answer.then().statusCode(403).body("error", equalTo("MaximumLicenseCountExceeded"));
        return answer;
    }

    /** Calls until the answer is 200 or the time is up; the change event reaches the service meanwhile. */
    private static Response openWithin(TestIssuer.Token token, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        Response answer = given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions");
        while (answer.statusCode() != 200 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            answer = given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions");
        }
        return answer;
    }

    private static Request request(String command, String... args) {
        Request request = Request.cmd(Command.create(command));
        for (String arg : args) {
            request.arg(arg);
        }
        return request;
    }

    private static Response internalClose(TestInstance instance, String body) {
        return given().header(InternalCallFilter.HEADER, RegistryStandIn.TEST_INTERNAL_SECRET)
                .contentType(ContentType.JSON).body(body)
                .when().post("/internal/instances/" + instance.id + "/sessions/close");
    }
}
