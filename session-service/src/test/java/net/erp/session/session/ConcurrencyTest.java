package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuerResource;
import net.erp.session.instance.Instance;
import net.erp.session.session.LicenseSlots.Outcome;
import net.erp.session.token.AccessToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class ConcurrencyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/sessions")
    URI sessions;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void openWhenTwoHundredDistinctTokensInParallelAtLimitTenThenExactlyTenSucceed() {
        TestInstance instance = TestInstance.create(10);
        List<String> bearers = IntStream.range(0, 200)
                .mapToObj(i -> TestInstance.bearer(instance.serviceToken())).toList();

        List<Integer> statuses = openAll(bearers);

        assertEquals(10, statuses.stream().filter(status -> status == 200).count());
        assertEquals(190, statuses.stream().filter(status -> status == 403).count());
    }

    @Test
    void openWhenSameTokenInParallelThenOneSession() {
        TestInstance instance = TestInstance.create(10);
        String bearer = TestInstance.bearer(instance.userToken("alice"));

        List<Integer> statuses = openAll(java.util.Collections.nCopies(50, bearer));

        assertEquals(List.of(200), statuses.stream().distinct().toList());
        given().header("Authorization", TestInstance.bearer(instance.serviceToken()))
                .post("/api/sessions").then().statusCode(200).body("licensesInUse", org.hamcrest.Matchers.equalTo(2));
    }

    /**
     * A second replica of session-service: its own Redis client and connections, running the same session
     * step while this service answers HTTP. Together they may grant no more than the limit.
     */
    @Test
    void openWhenTwoReplicasRaceThenLimitHoldsAcrossThem() {
        TestInstance instance = TestInstance.create(10);
        Redis otherClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl)
                .setMaxPoolSize(16).setMaxPoolWaiting(200));
        LicenseSlots otherReplica = new LicenseSlots(
                (command, args) -> otherClient.send(request(command, args)),
                Duration.ofMinutes(20), Duration.ofHours(1));
        List<String> bearers = IntStream.range(0, 100)
                .mapToObj(i -> TestInstance.bearer(instance.serviceToken())).toList();

        CompletableFuture<List<Integer>> viaHttp = CompletableFuture.supplyAsync(() -> openAll(bearers));
        List<Outcome> viaOther = openDirectly(otherReplica, new Instance(instance.id, 10, List.of()), 100);
        List<Integer> statuses = viaHttp.join();
        otherClient.close();

        long granted = statuses.stream().filter(status -> status == 200).count()
                + viaOther.stream().filter(outcome -> outcome == Outcome.OPENED).count();
        assertEquals(10, granted);
        assertTrue(Set.of(200, 403).containsAll(statuses), () -> "answers: " + statuses);
        assertTrue(Set.of(Outcome.OPENED, Outcome.REFUSED).containsAll(viaOther), () -> "steps: " + viaOther);
    }

    private List<Integer> openAll(List<String> bearers) {
        List<CompletableFuture<Integer>> calls = bearers.stream()
                .map(bearer -> HttpRequest.newBuilder(sessions).header("Authorization", bearer)
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(WAIT).build())
                .map(request -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode))
                .toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static List<Outcome> openDirectly(LicenseSlots slots, Instance instance, int count) {
        List<Uni<Outcome>> opens = IntStream.range(0, count)
                .mapToObj(i -> slots.open(token(instance.id()), instance).map(LicenseSlots.Step::outcome))
                .toList();
        return Uni.join().all(opens).andCollectFailures().await().atMost(WAIT);
    }

    private static Request request(String command, String... args) {
        Request request = Request.cmd(Command.create(command));
        for (String arg : args) {
            request.arg(arg);
        }
        return request;
    }

    private static AccessToken token(String instanceId) {
        Instant now = Instant.now();
        return new AccessToken(instanceId, "system-" + UUID.randomUUID(), "com.test/app",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), now, now.plusSeconds(3600),
                Set.of("read"), null);
    }
}
