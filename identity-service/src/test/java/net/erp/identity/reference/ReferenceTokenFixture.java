package net.erp.identity.reference;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.registry.Instance;
import net.erp.identity.token.AccessTokenIssuer;

/**
 * An instance of its own with users, apps of a chosen {@code referenceTokens} policy and the tokens to call
 * the reference-token API with, all made at run time.
 */
final class ReferenceTokenFixture {

    private static String operator;

    final TestTenant tenant = TestTenant.create();
    private final AccessTokenIssuer issuer;

    ReferenceTokenFixture(AccessTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** A user of the instance and an access token of theirs. */
    record Member(String id, String username, String token) {
    }

    /** The operator's token, made once for every test of the JVM. */
    static synchronized String operator() {
        if (operator == null) {
            operator = TestOperator.token();
        }
        return operator;
    }

    static RequestSpecification as(String bearer) {
        return given().auth().oauth2(bearer).contentType("application/json");
    }

    String path() {
        return "/api/instances/" + tenant.id() + "/reference-tokens";
    }

    /** An app of the instance admitting internal users, with scopes openid, read and update. */
    TestApp app(String policy) {
        return tenant.app().set("referenceTokens", policy).set("internalUsersAllowed", true)
                .set("scopes", List.of("openid", "read", "update"));
    }

    Member user(boolean administrator) {
        String username = "user-" + TestTenant.random(6);
        String id = as(operator()).body(Map.of("username", username, "password", TestTenant.random(12),
                        "kind", "INTERNAL", "administrator", administrator))
                .post("/api/instances/" + tenant.id() + "/users").then().statusCode(201).extract().path("id");
        return new Member(id, username, tokenOf(id, username));
    }

    /** A user access token of the instance, as interactive sign-in will issue it. */
    String tokenOf(String userId, String username) {
        var instance = new Instance(tenant.id(), tenant.id(), List.of(tenant.host()), 10, List.of(), false);
        return issuer.issue(new InstanceContext(instance, tenant.issuer()), userId, "com.test/web",
                List.of("openid"), null, username).await().indefinitely().value();
    }

    /** A valid PAT request for {@code subject}. */
    static Map<String, Object> pat(TestApp app, String subject) {
        var body = new HashMap<String, Object>();
        body.put("kind", "PAT");
        body.put("clientId", app.clientId());
        body.put("subject", subject);
        body.put("scopes", List.of("openid", "read"));
        body.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        body.put("description", "CI pipeline");
        return body;
    }

    /** A valid SAT request. */
    static Map<String, Object> sat(TestApp app) {
        var body = pat(app, null);
        body.remove("subject");
        body.put("kind", "SAT");
        body.put("scopes", List.of("read"));
        return body;
    }

    Response create(String bearer, Map<String, Object> body) {
        return as(bearer).body(body).post(path());
    }

    /** Issues a token as the operator and returns the whole answer. */
    Response issue(Map<String, Object> body) {
        Response response = create(operator(), body);
        response.then().statusCode(201);
        return response;
    }

    /** A PAT of a new user through {@code app}: its value. */
    String patValue(TestApp app, Member user) {
        return issue(pat(app, user.id())).path("token");
    }

    Response introspect(TestApp caller, String token) {
        return tenant.request().auth().preemptive().basic(caller.clientId(), caller.secret())
                .formParam("token", token).post("/id/connect/introspect");
    }
}
