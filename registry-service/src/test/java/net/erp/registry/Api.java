package net.erp.registry;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.erp.fixtures.TestIssuer;

/**
 * Builders of the tests: admin tokens signed by the test issuer, and request bodies of instances and apps
 * with random ids and hostnames, so that every test class works on data of its own.
 */
public final class Api {

    /** The default instance of the test profile, which holds the operator application. */
    public static final String DEFAULT_INSTANCE = "dev";

    private Api() {
    }

    /** The operator's token: scope admin, audience of the default instance. */
    public static String adminToken() {
        return TestIssuer.shared().token(DEFAULT_INSTANCE).subject("operator").clientId("operator")
                .scope("admin", "read", "update").sign();
    }

    /** A request of the admin API with the operator's token and a JSON body type. */
    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON);
    }

    /** A fresh instance id. */
    public static String newInstanceId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A fresh hostname. */
    public static String newHost() {
        return UUID.randomUUID().toString().substring(0, 8) + ".test.erp.net";
    }

    /** A valid instance body; change what the test needs. */
    public static Map<String, Object> instance(String id) {
        var body = new HashMap<String, Object>();
        body.put("id", id);
        body.put("displayName", "Test " + id);
        body.put("hostnames", List.of(newHost()));
        body.put("licenseLimit", 5);
        body.put("reservedAccounts", List.of("ops"));
        body.put("sandbox", false);
        return body;
    }

    /** Creates an instance and answers its id. */
    public static String createInstance() {
        String id = newInstanceId();
        asAdmin().body(instance(id)).post("/api/instances").then().statusCode(201);
        return id;
    }

    /** A valid confidential service app body (client credentials only); change what the test needs. */
    public static Map<String, Object> serviceApp(String clientId) {
        var body = new HashMap<String, Object>();
        body.put("clientId", clientId);
        body.put("name", "Service " + clientId);
        body.put("clientType", "CONFIDENTIAL");
        body.put("systemUserAllowed", true);
        body.put("systemUser", "svc-" + clientId.replace('/', '-'));
        body.put("scopes", List.of("read", "update"));
        return body;
    }

    /** A valid public app body (a single-page app signing staff in). */
    public static Map<String, Object> publicApp(String clientId) {
        var body = new HashMap<String, Object>();
        body.put("clientId", clientId);
        body.put("name", "Frontend " + clientId);
        body.put("clientType", "PUBLIC");
        body.put("internalUsersAllowed", true);
        body.put("redirectUris", List.of("https://app.example.com/callback", "http://localhost:4200/callback"));
        body.put("postLogoutRedirectUris", List.of("https://app.example.com/"));
        body.put("scopes", List.of("openid", "profile", "read", "offline_access"));
        return body;
    }

    /** A fresh client id in the form of an application URI. */
    public static String newClientId() {
        return "com.vendor/app-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an app in the instance from the body. */
    public static void createApp(String instanceId, Map<String, Object> app) {
        asAdmin().body(app).post("/api/instances/{i}/apps", instanceId).then().statusCode(201);
    }
}
