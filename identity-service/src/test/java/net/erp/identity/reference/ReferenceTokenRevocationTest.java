package net.erp.identity.reference;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import net.erp.contract.revocation.RevocationKeys;
import net.erp.fixtures.LogLines;
import net.erp.identity.SessionStandIn;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import net.erp.identity.reference.ReferenceTokenFixture.Member;
import net.erp.identity.token.AccessTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing and revoking reference tokens: by DELETE, by RFC 7009, and by a password change. */
@QuarkusTest
class ReferenceTokenRevocationTest {

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    ReactiveRedisDataSource redis;

    private ReferenceTokenFixture fixture;
    private TestApp app;
    private TestApp caller;
    private Member user;

    @BeforeEach
    void instance() {
        fixture = new ReferenceTokenFixture(issuer);
        app = fixture.app("AUTHENTICATED_USERS");
        caller = fixture.tenant.app();
        user = fixture.user(false);
    }

    private Response delete(String bearer, String id) {
        return ReferenceTokenFixture.as(bearer).delete(fixture.path() + "/" + id);
    }

    private Response rfc7009(TestApp by, String token) {
        return fixture.tenant.request().auth().preemptive().basic(by.clientId(), by.secret())
                .formParam("token", token).post("/id/connect/revocation");
    }

    @Test
    void deleteWhenOperatorThenNoContentAndInactiveAtOnce() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));

        delete(ReferenceTokenFixture.operator(), issued.path("id")).then().statusCode(204);

        fixture.introspect(caller, issued.path("token")).then().body("active", equalTo(false));
    }

    @Test
    void deleteWhenRevokedThenJtiAndSidListedUntilExpiry() {
        String id = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("id");

        delete(ReferenceTokenFixture.operator(), id).then().statusCode(204);

        var keys = redis.key(String.class);
        long jtiTtl = keys.pttl(RevocationKeys.jti(fixture.tenant.id(), id)).await().indefinitely();
        long sidTtl = keys.pttl(RevocationKeys.sid(fixture.tenant.id(), id)).await().indefinitely();
        assertTrue(jtiTtl > 29L * 24 * 3600 * 1000, "jti kept until the token's expiry");
        assertTrue(sidTtl > 29L * 24 * 3600 * 1000, "sid kept until the token's expiry");
    }

    @Test
    void deleteWhenRevokedThenItsSessionClosed() {
        String id = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("id");

        delete(ReferenceTokenFixture.operator(), id).then().statusCode(204);

        assertTrue(SessionStandIn.CALLS.contains("/internal/instances/" + fixture.tenant.id() + "/sessions/close "
                + "{\"sid\":\"" + id + "\"}"));
    }

    @Test
    void deleteWhenRevokedThenAuditedWithoutTheValue() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
        String id = issued.path("id");
        String value = issued.path("token");

        try (LogLines audit = LogLines.audit()) {
            delete(ReferenceTokenFixture.operator(), id).then().statusCode(204);

            assertEquals(1, audit.lines().stream().filter(line -> line.contains("event=reference_token.revoked")
                    && line.contains("instance=" + fixture.tenant.id()) && line.contains("client_id=" + app.clientId())
                    && line.contains("id=" + id) && line.contains("kind=PAT") && !line.contains(value)).count());
        }
    }

    @Test
    void deleteWhenUserRevokesOwnPatThenNoContent() {
        String id = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("id");

        delete(user.token(), id).then().statusCode(204);
    }

    @Test
    void deleteWhenUserRevokesAnothersPatThenNotFoundAndStillActive() {
        Member other = fixture.user(false);
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, other.id()));

        delete(user.token(), issued.path("id")).then().statusCode(404);

        fixture.introspect(caller, issued.path("token")).then().body("active", equalTo(true));
    }

    @Test
    void deleteWhenIdUnknownThenNotFound() {
        delete(ReferenceTokenFixture.operator(), "no-such-id").then().statusCode(404)
                .body("error", equalTo("unknown_reference_token"));
    }

    @Test
    void deleteWhenIdOfAnotherInstanceThenNotFound() {
        var other = new ReferenceTokenFixture(issuer);
        String id = other.issue(ReferenceTokenFixture.pat(other.app("ADMINISTRATORS_ONLY"), other.user(false).id()))
                .path("id");

        delete(ReferenceTokenFixture.operator(), id).then().statusCode(404);
    }

    @Test
    void revocationWhenOwnAppRevokesThenOkAndInactiveAtOnce() {
        String token = fixture.patValue(app, user);

        rfc7009(app, token).then().statusCode(200);

        fixture.introspect(caller, token).then().body("active", equalTo(false));
    }

    @Test
    void revocationWhenOperatorRevokesThenInactive() {
        String token = fixture.patValue(app, user);
        ReferenceTokenFixture.operator();

        fixture.tenant.request().auth().preemptive()
                .basic(TestOperator.lastApp().clientId(), TestOperator.lastApp().secret())
                .formParam("token", token).post("/id/connect/revocation").then().statusCode(200);

        fixture.introspect(caller, token).then().body("active", equalTo(false));
    }

    @Test
    void revocationWhenAnotherAppRevokesThenUnauthorizedClientAndStillActive() {
        String token = fixture.patValue(app, user);

        rfc7009(caller, token).then().statusCode(400).body("error", equalTo("unauthorized_client"));

        fixture.introspect(caller, token).then().body("active", equalTo(true));
    }

    @Test
    void revocationWhenTokenUnknownThenOkAllTheSame() {
        rfc7009(app, "erp_pat_" + TestTenant.random(32)).then().statusCode(200);
    }

    @Test
    void passwordChangeWhenUserHasPatsThenEveryOneInactive() {
        String first = fixture.patValue(app, user);
        String second = fixture.patValue(app, user);

        ReferenceTokenFixture.as(ReferenceTokenFixture.operator()).body(Map.of("password", TestTenant.random(12)))
                .put("/api/instances/" + fixture.tenant.id() + "/users/" + user.id() + "/password")
                .then().statusCode(200);

        fixture.introspect(caller, first).then().body("active", equalTo(false));
        fixture.introspect(caller, second).then().body("active", equalTo(false));
    }

    @Test
    void listWhenOperatorThenEveryLiveTokenWithoutValues() {
        Member other = fixture.user(false);
        String mine = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("id");
        String theirs = fixture.issue(ReferenceTokenFixture.pat(app, other.id())).path("id");
        String revoked = fixture.issue(ReferenceTokenFixture.sat(app)).path("id");
        delete(ReferenceTokenFixture.operator(), revoked).then().statusCode(204);

        ReferenceTokenFixture.as(ReferenceTokenFixture.operator()).get(fixture.path()).then().statusCode(200)
                .body("id", equalTo(java.util.List.of(mine, theirs)))
                .body("token", equalTo(java.util.Arrays.asList(null, null)))
                .body("[0].createdBy", org.hamcrest.Matchers.notNullValue())
                .body("[0].createdAt", org.hamcrest.Matchers.notNullValue())
                .body("[0].expiresAt", org.hamcrest.Matchers.notNullValue())
                .body("[0]", org.hamcrest.Matchers.hasKey("lastUsedAt"));
    }

    @Test
    void listWhenPlainUserThenOnlyTheirOwnPats() {
        Member other = fixture.user(false);
        String mine = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("id");
        String theirs = fixture.issue(ReferenceTokenFixture.pat(app, other.id())).path("id");

        ReferenceTokenFixture.as(user.token()).get(fixture.path()).then().statusCode(200)
                .body("id", hasItem(mine)).body("id", not(hasItem(theirs)));
    }
}
