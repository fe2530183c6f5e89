package net.erp.identity.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.erp.contract.revocation.RevocationKeys;
import net.erp.fixtures.redis.RedisCluster;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.Browser;
import net.erp.identity.signin.OidcClient;
import net.erp.identity.signin.TestUsers;
import net.erp.identity.signin.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service on a Redis Cluster of three masters, with two instances whose hash tags lie in slots of
 * different masters: codes (with PKCE), refresh-token rotation and reuse, the login throttle, logout, a password
 * change ending browser sign-ins, RFC 7009 revocation and the signing-key notice. After each test, every key of
 * the cluster lies in the slot its tag names, on that slot's master, no call answered 5xx, and no log line named
 * a cluster redirection or a cross-slot error (a Redis failure the service survives, such as the throttle's, is
 * logged, not answered).
 */
@QuarkusTest
@TestProfile(RedisClusterProfile.class)
class RedisClusterTest {

    private static final Pattern TAG = Pattern.compile("\\{([^}]+)}");
    private static final Pattern CLUSTER_ERROR = Pattern.compile("\\b(CROSSSLOT|MOVED|ASK|TRYAGAIN|CLUSTERDOWN)\\b");
    /** LoginThrottle.MAX_FAILURES: wrong passwords for a username from one address before it is refused. */
    private static final int MAX_FAILURES = 10;
    /** KeyRotation.CHANNEL. */
    private static final String KEY_CHANNEL = "identity-signing-keys";
    private static final long WAIT_MILLIS = 5_000;

    RedisCluster cluster;

    @Inject
    Vertx vertx;

    private TestTenant first;
    private TestTenant second;
    private final List<String> failedCalls = new CopyOnWriteArrayList<>();
    private final List<String> clusterErrors = new CopyOnWriteArrayList<>();
    private final Filter callWatch = (request, response, context) -> {
        Response answer = context.next(request, response);
        if (answer.statusCode() >= 500) {
            String path = request.getURI().replaceFirst("\\?.*", "");
            failedCalls.add(answer.statusCode() + " " + request.getMethod() + " " + path);
        }
        return answer;
    };
    private final Handler logWatch = new Handler() {

        @Override
        public void publish(LogRecord record) {
            // The message's pattern, its parameters and its causes, unformatted: the words are found in any of them.
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            for (Object parameter : record.getParameters() == null ? new Object[0] : record.getParameters()) {
                text.append(' ').append(parameter);
            }
            for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
                text.append(' ').append(cause);
            }
            Matcher error = CLUSTER_ERROR.matcher(text);
            if (error.find()) {
                clusterErrors.add(record.getLoggerName() + ": " + error.group(1));
            }
        }

        @Override
        public void flush() {
            // Kept in memory.
        }

        @Override
        public void close() {
            // Nothing held.
        }
    };

    @BeforeEach
    void twoInstancesOnDifferentMasters() {
        assumeTrue(RedisCluster.available(),
                "redis-server and redis-cli are not on the PATH: there is no Redis Cluster to test on");
        first = TestTenant.create();
        second = TestTenant.create();
        for (int attempt = 0; master(second) == master(first) && attempt < 50; attempt++) {
            second = TestTenant.create();
        }
        RestAssured.filters(callWatch);
        Logger.getLogger("").addHandler(logWatch);
    }

    @AfterEach
    void noClusterErrorAndEveryKeyInItsInstancesSlot() {
        if (cluster == null || first == null) {
            return;
        }
        try {
            assertEquals(List.of(), failedCalls, "calls that answered 5xx");
            assertEquals(List.of(), clusterErrors, "log lines naming a Redis Cluster error");
            assertEveryKeyInItsInstancesSlot();
        } finally {
            Logger.getLogger("").removeHandler(logWatch);
            List<Filter> others = new ArrayList<>(RestAssured.filters());
            others.remove(callWatch);
            RestAssured.replaceFiltersWith(others);
        }
    }

    @Test
    void instancesWhenTheirTagsHashToDifferentMastersThenEachKeepsItsKeysOnItsOwnMaster() throws Exception {
        OidcClient.confidential(first).tokens(new Browser(first), TestUsers.create(first, "INTERNAL"), "openid");
        OidcClient.confidential(second).tokens(new Browser(second), TestUsers.create(second, "INTERNAL"), "openid");

        assertNotEquals(master(first), master(second));
        assertFalse(keysOf(first).isEmpty());
        assertFalse(keysOf(second).isEmpty());
        assertTrue(cluster.keysOn(master(first)).containsAll(keysOf(first)));
        assertTrue(cluster.keysOn(master(second)).containsAll(keysOf(second)));
    }

    @Test
    void codeWhenRedeemedTwiceOnEitherMasterThenInvalidGrantAndFirstAccessTokenRefused() throws Exception {
        for (TestTenant tenant : List.of(first, second)) {
            OidcClient client = OidcClient.publicApp(tenant);
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = client.signIn(new Browser(tenant), TestUsers.create(tenant, "INTERNAL"),
                    "openid", new Nonce(), verifier);
            String access = OidcClient.tokens(client.redeem(code, verifier)).getOIDCTokens()
                    .getAccessToken().getValue();
            userinfo(tenant, access).then().statusCode(200);

            client.redeem(code, verifier).then().statusCode(400).body("error", equalTo("invalid_grant"));

            userinfo(tenant, access).then().statusCode(401).body("error", equalTo("invalid_token"));
            assertTrue(onItsMaster(tenant).stream().anyMatch(key -> key.startsWith("authz:" + tag(tenant) + ":used:")),
                    () -> "no code marker of " + tenant.id() + " on its master");
        }
    }

    @Test
    void refreshWhenRotatedTokenUsedAgainOnEitherMasterThenInvalidGrantAndSignInTokensRefused() throws Exception {
        for (TestTenant tenant : List.of(first, second)) {
            OidcClient client = OidcClient.confidential(tenant);
            OIDCTokens issued = client.tokens(new Browser(tenant), TestUsers.create(tenant, "INTERNAL"),
                    "openid offline_access").getOIDCTokens();
            OIDCTokens rotated = OidcClient.tokens(client.refresh(issued.getRefreshToken().getValue(), null))
                    .getOIDCTokens();
            assertFalse(issued.getRefreshToken().equals(rotated.getRefreshToken()),
                    "the refresh token was not rotated");
            userinfo(tenant, rotated.getAccessToken().getValue()).then().statusCode(200);

            client.refresh(issued.getRefreshToken().getValue(), null)
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));

            client.refresh(rotated.getRefreshToken().getValue(), null)
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));
            userinfo(tenant, rotated.getAccessToken().getValue()).then().statusCode(401);
            String sid = SignedJWT.parse(rotated.getAccessToken().getValue()).getJWTClaimsSet().getStringClaim("sid");
            assertTrue(onItsMaster(tenant).contains(RevocationKeys.sid(tenant.id(), sid)),
                    () -> "the reused family's sign-in is not listed on the master of " + tenant.id());
        }
    }

    @Test
    void loginWhenTooManyWrongPasswordsOnOneInstanceThenRefusedThereAndTheSameUsernameSignsInOnTheOther() {
        String username = "shared-" + TestTenant.random(6);
        TestUser onFirst = user(first, username);
        TestUser onSecond = user(second, username);
        Browser firstBrowser = new Browser(first);
        Response page = loginPage(firstBrowser, OidcClient.confidential(first));
        for (int i = 0; i < MAX_FAILURES; i++) {
            firstBrowser.signIn(page, username, "wrong-" + i).then().statusCode(400);
        }

        Response refused = firstBrowser.signIn(page, username, onFirst.password());
        Browser secondBrowser = new Browser(second);
        Response accepted = secondBrowser.signIn(loginPage(secondBrowser, OidcClient.confidential(second)), username,
                onSecond.password());

        refused.then().statusCode(429).body(containsString("Too many")).body(not(containsString("code=")));
        accepted.then().statusCode(302).header("Location", containsString("code="));
        assertTrue(onItsMaster(first).stream().anyMatch(key -> key.startsWith("login:" + tag(first) + ":fail:")),
                () -> "no failure count of " + first.id() + " on its master");
        assertTrue(keysOf(second).stream().noneMatch(key -> key.startsWith("login:")),
                () -> "failures counted for " + second.id() + ": " + keysOf(second));
    }

    @Test
    void endSessionWhenConfirmedOnEitherMasterThenAccessTokenRefusedAtUserinfo() throws Exception {
        for (TestTenant tenant : List.of(first, second)) {
            Browser browser = new Browser(tenant);
            OIDCTokens tokens = OidcClient.confidential(tenant).tokens(browser, TestUsers.create(tenant, "INTERNAL"),
                    "openid").getOIDCTokens();
            String access = tokens.getAccessToken().getValue();
            userinfo(tenant, access).then().statusCode(200);
            Response confirmation = browser.open(URI.create("/id/connect/endsession?id_token_hint="
                    + tokens.getIDTokenString()));

            browser.submit(confirmation, Map.of()).then().statusCode(200);

            userinfo(tenant, access).then().statusCode(401).body("error", equalTo("invalid_token"));
            String sid = SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("sid");
            assertTrue(onItsMaster(tenant).contains(RevocationKeys.sid(tenant.id(), sid)),
                    () -> "the ended sign-in is not listed on the master of " + tenant.id());
        }
    }

    @Test
    void passwordChangeWhenOnEitherMasterThenTheUsersBrowserSignInEnded() throws Exception {
        for (TestTenant tenant : List.of(first, second)) {
            Browser browser = new Browser(tenant);
            OidcClient client = OidcClient.confidential(tenant);
            TestUser user = TestUsers.create(tenant, "INTERNAL");
            client.signIn(browser, user, "openid", new Nonce(), null);
            authorize(browser, client).then().statusCode(302);

            TestUsers.changePassword(tenant, user);

            authorize(browser, client).then().statusCode(200).body(containsString("name=\"password\""));
        }
    }

    @Test
    void revocationWhenAccessTokenRevokedOnEitherMasterThenIntrospectionInactive() throws Exception {
        for (TestTenant tenant : List.of(first, second)) {
            OidcClient client = OidcClient.confidential(tenant);
            String access = client.tokens(new Browser(tenant), TestUsers.create(tenant, "INTERNAL"), "openid read")
                    .getOIDCTokens().getAccessToken().getValue();
            introspect(client, access).then().statusCode(200).body("active", equalTo(true));

            tenant.request().auth().preemptive().basic(client.clientId(), client.app().secret())
                    .formParam("token", access).formParam("token_type_hint", "access_token")
                    .post("/id/connect/revocation").then().statusCode(200);

            introspect(client, access).then().statusCode(200).body("active", equalTo(false));
            String jti = SignedJWT.parse(access).getJWTClaimsSet().getJWTID();
            assertTrue(onItsMaster(tenant).contains(RevocationKeys.jti(tenant.id(), jti)),
                    () -> "the revoked token is not listed on the master of " + tenant.id());
        }
    }

    @Test
    void keyRotationWhenRotatedThenTheServiceIsSubscribedAndEveryMasterHearsTheNotice() throws Exception {
        List<Redis> listeners = new ArrayList<>();
        CountDownLatch heard = new CountDownLatch(cluster.ports().size());
        try {
            for (int port : cluster.ports()) {
                listeners.add(listen(port, heard));
            }
            assertTrue(subscribers(KEY_CHANNEL) > cluster.ports().size(), "the service is not subscribed");

            given().auth().oauth2(TestOperator.token()).post("/api/signing-keys/rotate").then().statusCode(200);

            assertTrue(heard.await(WAIT_MILLIS, TimeUnit.MILLISECONDS),
                    () -> "masters that did not hear the notice: " + heard.getCount());
        } finally {
            listeners.forEach(Redis::close);
        }
    }

    /** A client of one node subscribed to the key channel, counting down when it hears "rotated". */
    private Redis listen(int port, CountDownLatch heard) {
        Redis client = Redis.createClient(vertx, "redis://127.0.0.1:" + port);
        RedisConnection connection = client.connect().await().atMost(Duration.ofSeconds(5));
        connection.handler(message -> {
            if (message.size() == 3 && "message".equals(message.get(0).toString())
                    && "rotated".equals(message.get(2).toString())) {
                heard.countDown();
            }
        });
        connection.send(Request.cmd(Command.SUBSCRIBE).arg(KEY_CHANNEL)).await().atMost(Duration.ofSeconds(5));
        return client;
    }

    /** Subscribers of a channel over every node (each node counts its own). */
    private int subscribers(String channel) {
        int count = 0;
        for (int port : cluster.ports()) {
            String[] answer = cluster.cli(port, "PUBSUB", "NUMSUB", channel).split("\n");
            count += Integer.parseInt(answer[1].trim());
        }
        return count;
    }

    /** Every key on every node names one instance by its hash tag, lies in that tag's slot and on its master. */
    private void assertEveryKeyInItsInstancesSlot() {
        Map<String, Integer> slots = new HashMap<>();
        Map<Integer, Integer> masters = new HashMap<>();
        for (int port : cluster.ports()) {
            for (String key : cluster.keysOn(port)) {
                Matcher tag = TAG.matcher(key);
                assertTrue(tag.find(), () -> "a key without an instance hash tag: " + key);
                int slot = slots.computeIfAbsent(tag.group(1), id -> cluster.keyslot("{" + id + "}"));
                assertEquals(slot, cluster.keyslot(key), () -> "a key outside its instance's slot: " + key);
                assertEquals(port, masters.computeIfAbsent(slot, cluster::masterOf).intValue(),
                        () -> "a key on a node that does not serve it: " + key);
            }
        }
    }

    /** The instance's keys, wherever they lie. */
    private List<String> keysOf(TestTenant tenant) {
        List<String> keys = new ArrayList<>();
        for (int port : cluster.ports()) {
            cluster.keysOn(port).stream().filter(key -> key.contains(tag(tenant))).forEach(keys::add);
        }
        return keys;
    }

    /** The instance's keys on the master that serves its slot. */
    private List<String> onItsMaster(TestTenant tenant) {
        return cluster.keysOn(master(tenant)).stream().filter(key -> key.contains(tag(tenant))).toList();
    }

    private int master(TestTenant tenant) {
        return cluster.masterOf(cluster.keyslot(tag(tenant)));
    }

    private static String tag(TestTenant tenant) {
        return RevocationKeys.tag(tenant.id());
    }

    private static Response loginPage(Browser browser, OidcClient client) {
        Response page = authorize(browser, client);
        page.then().statusCode(200).body(containsString("name=\"password\""));
        return page;
    }

    /** An authorization request from a browser that may hold a sign-in: 302 with a code when it does. */
    private static Response authorize(Browser browser, OidcClient client) {
        return browser.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());
    }

    private static Response userinfo(TestTenant tenant, String accessToken) {
        return tenant.request().auth().oauth2(accessToken).get("/id/connect/userinfo");
    }

    private static Response introspect(OidcClient client, String token) {
        return client.app().tenant().request().auth().preemptive().basic(client.clientId(), client.app().secret())
                .formParam("token", token).post("/id/connect/introspect");
    }

    /** A user of the instance with a given username (the same name may be taken in another instance). */
    private static TestUser user(TestTenant tenant, String username) {
        String password = TestTenant.random(12);
        String id = given().auth().oauth2(TestOperator.token()).contentType("application/json")
                .body(Map.of("username", username, "password", password, "kind", "INTERNAL", "administrator", false,
                        "email", username + "@example.test", "name", "Test " + username))
                .post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(201).extract().path("id");
        return new TestUser(id, username, password);
    }
}
