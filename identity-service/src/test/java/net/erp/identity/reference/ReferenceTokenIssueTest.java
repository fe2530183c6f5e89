package net.erp.identity.reference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.erp.fixtures.LogLines;
import net.erp.identity.TestTenant.TestApp;
import net.erp.identity.reference.ReferenceTokenFixture.Member;
import net.erp.identity.token.AccessTokenIssuer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issuing reference tokens: the answer, each validation refusal, and where the value never goes. */
@QuarkusTest
class ReferenceTokenIssueTest {

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    Pool pool;

    @ConfigProperty(name = "identity.schema")
    String schema;

    private ReferenceTokenFixture fixture;
    private TestApp app;
    private Member user;

    @BeforeEach
    void instance() {
        fixture = new ReferenceTokenFixture(issuer);
        app = fixture.app("ADMINISTRATORS_ONLY");
        user = fixture.user(false);
    }

    @Test
    void patWhenValidThenCreatedWithValueShownOnce() {
        Map<String, Object> request = ReferenceTokenFixture.pat(app, user.id());

        fixture.create(ReferenceTokenFixture.operator(), request).then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("id", notNullValue())
                .body("token", matchesPattern("erp_pat_[A-Za-z0-9_-]{43}"))
                .body("kind", equalTo("PAT"))
                .body("clientId", equalTo(app.clientId()))
                .body("subject", equalTo(user.id()))
                .body("scopes", equalTo(List.of("openid", "read")))
                .body("expiresAt", equalTo(Instant.parse((String) request.get("expiresAt"))
                        .truncatedTo(ChronoUnit.SECONDS).toString()))
                .body("description", equalTo("CI pipeline"))
                .body("createdAt", notNullValue())
                .body("createdBy", notNullValue());
    }

    @Test
    void satWhenValidThenSubjectIsTheSystemUser() {
        fixture.create(ReferenceTokenFixture.operator(), ReferenceTokenFixture.sat(app)).then().statusCode(201)
                .body("token", matchesPattern("erp_sat_[A-Za-z0-9_-]{43}"))
                .body("subject", equalTo("system-" + app.clientId()));
    }

    @Test
    void patWhenIssuedByAdministratorThenCreatedByNamesThem() {
        Member administrator = fixture.user(true);

        fixture.create(administrator.token(), ReferenceTokenFixture.pat(app, user.id())).then().statusCode(201)
                .body("createdBy", equalTo(administrator.id()));
    }

    static Stream<Arguments> refusals() {
        String past = Instant.now().minusSeconds(60).toString();
        String tooFar = Instant.now().plus(367, ChronoUnit.DAYS).toString();
        return Stream.of(
                Arguments.of("kind", null, "kind"),
                Arguments.of("kind", "JWT", "kind"),
                Arguments.of("clientId", null, "clientId"),
                Arguments.of("clientId", "com.test/no-such-app", "clientId"),
                Arguments.of("subject", null, "subject"),
                Arguments.of("subject", "no-such-user", "subject"),
                Arguments.of("scopes", List.of(), "scopes"),
                Arguments.of("scopes", null, "scopes"),
                Arguments.of("scopes", List.of("read", "admin"), "scopes"),
                Arguments.of("scopes", List.of("read", "offline_access"), "scopes"),
                Arguments.of("expiresAt", null, "expiresAt"),
                Arguments.of("expiresAt", "next tuesday", "expiresAt"),
                Arguments.of("expiresAt", past, "expiresAt"),
                Arguments.of("expiresAt", tooFar, "expiresAt"),
                Arguments.of("description", "x".repeat(201), "description"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void patWhenOneFieldBreaksARuleThenInvalidRequestNamingItAndNothingStored(String field, Object value,
            String named) {
        Map<String, Object> request = ReferenceTokenFixture.pat(app, user.id());
        request.put(field, value);

        fixture.create(ReferenceTokenFixture.operator(), request).then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("error_description", containsString(named));

        assertEquals(0, storedRows());
    }

    @Test
    void satWhenSubjectGivenThenInvalidRequestNamingSubject() {
        Map<String, Object> request = ReferenceTokenFixture.sat(app);
        request.put("subject", user.id());

        fixture.create(ReferenceTokenFixture.operator(), request).then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("error_description", containsString("subject"));
    }

    @Test
    void satWhenAppHasNoSystemUserThenInvalidRequestNamingClientId() {
        app.set("systemUserAllowed", false).set("systemUser", null);

        fixture.create(ReferenceTokenFixture.operator(), ReferenceTokenFixture.sat(app)).then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("error_description", containsString("clientId"));
    }

    @Test
    void patWhenAppDisabledThenInvalidRequestNamingClientId() {
        app.set("enabled", false);

        fixture.create(ReferenceTokenFixture.operator(), ReferenceTokenFixture.pat(app, user.id()))
                .then().statusCode(400).body("error_description", containsString("clientId"));
    }

    @Test
    void patWhenAppAdmitsNoUserOfThatKindThenInvalidRequestNamingSubject() {
        app.set("internalUsersAllowed", false);

        fixture.create(ReferenceTokenFixture.operator(), ReferenceTokenFixture.pat(app, user.id()))
                .then().statusCode(400).body("error_description", containsString("subject"));
    }

    @Test
    void patWhenUserOfAnotherInstanceThenInvalidRequestNamingSubject() {
        Member stranger = new ReferenceTokenFixture(issuer).user(false);

        fixture.create(ReferenceTokenFixture.operator(), ReferenceTokenFixture.pat(app, stranger.id()))
                .then().statusCode(400).body("error_description", containsString("subject"));
    }

    @Test
    void createWhenInstanceUnknownThenNotFound() {
        ReferenceTokenFixture.as(ReferenceTokenFixture.operator()).body(ReferenceTokenFixture.pat(app, user.id()))
                .post("/api/instances/no-such-instance/reference-tokens")
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void createWhenNoTokenThenUnauthorizedWithBearerChallenge() {
        io.restassured.RestAssured.given().contentType("application/json")
                .body(ReferenceTokenFixture.pat(app, user.id())).post(fixture.path())
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void createWhenTokenBadThenInvalidToken() {
        fixture.create("not.a.token", ReferenceTokenFixture.pat(app, user.id()))
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void patWhenIssuedThenOnlyItsHashIsStored() throws Exception {
        String value = fixture.patValue(app, user);

        Row row = pool.preparedQuery("SELECT * FROM " + schema + ".reference_token WHERE instance_id = $1")
                .execute(Tuple.of(fixture.tenant.id())).await().indefinitely().iterator().next();

        byte[] expected = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, row.getBuffer("token_hash").getBytes());
        for (int column = 0; column < row.size(); column++) {
            assertFalse(String.valueOf(row.getValue(column)).contains(value.substring(8)), row.getColumnName(column));
        }
    }

    @Test
    void patWhenIssuedThenAuditedWithoutTheValue() {
        String value;
        String id;
        try (LogLines audit = LogLines.audit(); LogLines all = LogLines.of("")) {
            Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
            value = issued.path("token");
            id = issued.path("id");

            assertEquals(1, audit.lines().stream().filter(line -> line.contains("event=reference_token.created")
                    && line.contains("instance=" + fixture.tenant.id()) && line.contains("client_id=" + app.clientId())
                    && line.contains("id=" + id) && line.contains("kind=PAT")).count());
            assertTrue(all.lines().stream().anyMatch(line -> line.contains("event=reference_token.created")));
            assertFalse(all.lines().stream().anyMatch(line -> line.contains(value.substring(8))));
        }
    }

    private long storedRows() {
        return pool.preparedQuery("SELECT count(*) FROM " + schema + ".reference_token WHERE instance_id = $1")
                .execute(Tuple.of(fixture.tenant.id())).await().indefinitely().iterator().next().getLong(0);
    }
}
