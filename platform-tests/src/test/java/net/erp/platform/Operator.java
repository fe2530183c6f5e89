package net.erp.platform;

import static io.restassured.RestAssured.given;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.UUID;

/**
 * What an operator does with the platform in these tests, through its public APIs only: get an admin
 * token, create instances and register apps with secrets, get service tokens for them.
 */
final class Operator {

    /** An instance made for one test, answering on its own loopback address. */
    record Instance(String id, String host) {
    }

    /** A registered confidential service app and the secret it was given. */
    record App(Instance instance, String clientId, String systemUser, String secret) {
    }

    /** A reference token as issued: its public id and its value, shown once. */
    record ReferenceToken(String id, String value) {
    }

    private final Platform platform;

    Operator(Platform platform) {
        this.platform = platform;
    }

    /** The operator's token, asked for with a real OAuth client library at the default instance. */
    String adminToken() {
        return clientCredentials(platform.identityUrl() + "/id/connect/token",
                Platform.OPERATOR_ID, Platform.OPERATOR_SECRET, "admin");
    }

    /** An instance with its own loopback host (any 127.x.y.z reaches this machine) and a licence limit. */
    Instance createInstance(int licenseLimit, List<String> reservedAccounts) {
        var random = ThreadLocalRandom.current();
        String id = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        String host = "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "displayName", "Platform test " + id, "hostnames", List.of(host),
                        "licenseLimit", licenseLimit, "reservedAccounts", reservedAccounts, "sandbox", true))
                .post(platform.registryUrl() + "/api/instances")
                .then().statusCode(201);
        return new Instance(id, host);
    }

    /** A confidential app that may act as its system user, with scope read, and a fresh secret. */
    App registerServiceApp(Instance instance) {
        return registerServiceApp(instance, "NONE");
    }

    /** The same, with the app's policy for reference tokens ({@code NONE}, {@code ADMINISTRATORS_ONLY}, ...). */
    App registerServiceApp(Instance instance, String referenceTokens) {
        String clientId = "com.platform-test/" + UUID.randomUUID().toString().substring(0, 8);
        String systemUser = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        var app = Map.ofEntries(
                Map.entry("clientId", clientId), Map.entry("name", "Platform test app"),
                Map.entry("clientType", "CONFIDENTIAL"), Map.entry("redirectUris", List.of()),
                Map.entry("postLogoutRedirectUris", List.of()), Map.entry("internalUsersAllowed", false),
                Map.entry("communityUsersAllowed", false), Map.entry("systemUserAllowed", true),
                Map.entry("systemUser", systemUser), Map.entry("scopes", List.of("read")),
                Map.entry("referenceTokens", referenceTokens), Map.entry("enabled", true));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(app)
                .post(appsUrl(instance))
                .then().statusCode(201);
        String secret = admin().contentType(ContentType.JSON).body(Map.of())
                .post(appsUrl(instance) + "/" + encode(clientId) + "/secrets")
                .then().statusCode(201).extract().path("secret");
        return new App(instance, clientId, systemUser, secret);
    }

    /**
     * A confidential web app for signed-in users: internal users allowed, scopes {@code openid read
     * offline_access}, one loopback redirect URI and one post-logout URI, and a fresh secret.
     */
    App registerWebApp(Instance instance, String redirectUri, String postLogoutRedirectUri) {
        return registerWebApp(instance, redirectUri, postLogoutRedirectUri, "NONE");
    }

    /** The same, with the app's policy for reference tokens. */
    App registerWebApp(Instance instance, String redirectUri, String postLogoutRedirectUri, String referenceTokens) {
        String clientId = "com.platform-test/web-" + UUID.randomUUID().toString().substring(0, 8);
        var app = Map.ofEntries(
                Map.entry("clientId", clientId), Map.entry("name", "Platform test web app"),
                Map.entry("clientType", "CONFIDENTIAL"), Map.entry("redirectUris", List.of(redirectUri)),
                Map.entry("postLogoutRedirectUris", List.of(postLogoutRedirectUri)),
                Map.entry("internalUsersAllowed", true), Map.entry("communityUsersAllowed", false),
                Map.entry("systemUserAllowed", false), Map.entry("scopes", List.of("openid", "read", "offline_access")),
                Map.entry("referenceTokens", referenceTokens), Map.entry("enabled", true));
        admin().contentType(ContentType.JSON).body(app).post(appsUrl(instance)).then().statusCode(201);
        String secret = admin().contentType(ContentType.JSON).body(Map.of())
                .post(appsUrl(instance) + "/" + encode(clientId) + "/secrets")
                .then().statusCode(201).extract().path("secret");
        return new App(instance, clientId, null, secret);
    }

    /** The issuer of the instance: identity-service reached at the instance's own host. */
    String issuer(Instance instance) {
        return tokenEndpoint(instance).replace("/connect/token", "");
    }

    /** A user of the instance, made through identity-service's users API; answers the user's id. */
    String createUser(Instance instance, String username, String password) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "kind", "INTERNAL", "administrator", false,
                        "email", username + "@example.com", "name", "User " + username))
                .post(platform.identityUrl() + "/api/instances/" + instance.id() + "/users")
                .then().statusCode(201).extract().path("id");
    }

    /** A reference token issued by the operator: a PAT for {@code subject}, or a SAT when it is null. */
    ReferenceToken issueReferenceToken(App app, String subject) {
        var request = new java.util.HashMap<String, Object>(Map.of("kind", subject == null ? "SAT" : "PAT",
                "clientId", app.clientId(), "scopes", List.of("read"),
                "expiresAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString(),
                "description", "platform test"));
        if (subject != null) {
            request.put("subject", subject);
        }
        var issued = admin().contentType(ContentType.JSON).body(request)
                .post(referenceTokensUrl(app.instance()))
                .then().statusCode(201).extract().jsonPath();
        return new ReferenceToken(issued.getString("id"), issued.getString("token"));
    }

    String referenceTokensUrl(Instance instance) {
        return platform.identityUrl() + "/api/instances/" + instance.id() + "/reference-tokens";
    }

    /** A request as the operator; paths carry client ids already URL-encoded, so no second encoding. */
    io.restassured.specification.RequestSpecification admin() {
        return given().urlEncodingEnabled(false).auth().oauth2(adminToken());
    }

    /** A service token of the app, asked for at its instance's host. */
    String serviceToken(App app) {
        return clientCredentials(tokenEndpoint(app.instance()), app.clientId(), app.secret(), null);
    }

    String tokenEndpoint(Instance instance) {
        return "http://" + instance.host() + ":" + URI.create(platform.identityUrl()).getPort() + "/id/connect/token";
    }

    String appsUrl(Instance instance) {
        return platform.registryUrl() + "/api/instances/" + instance.id() + "/apps";
    }

    void deleteInstance(Instance instance) {
        given().auth().oauth2(adminToken()).delete(platform.registryUrl() + "/api/instances/" + instance.id());
    }

    static String encode(String clientId) {
        return java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String clientCredentials(String tokenEndpoint, String clientId, String secret, String scope) {
        try {
            var request = new TokenRequest(URI.create(tokenEndpoint),
                    new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                    new ClientCredentialsGrant(), scope == null ? null : Scope.parse(scope));
            TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("token request refused: "
                        + response.toErrorResponse().getErrorObject().toJSONObject());
            }
            return response.toSuccessResponse().getTokens().getAccessToken().getValue();
        } catch (com.nimbusds.oauth2.sdk.ParseException | java.io.IOException e) {
            throw new AssertionError("token request failed", e);
        }
    }
}
