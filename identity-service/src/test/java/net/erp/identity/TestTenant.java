package net.erp.identity;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import net.erp.fixtures.RegistryStandIn;

/**
 * An instance of its own for one test class, in the registry stand-in: a random id, a host of its own, and
 * apps with secrets made at run time.
 */
public final class TestTenant {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String host;

    private TestTenant(String id, String host) {
        this.id = id;
        this.host = host;
    }

    /** A new instance answering on {@code <id>.example.test}. */
    public static TestTenant create() {
        String id = "t" + random(6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        return on(id, id + ".example.test");
    }

    /** A new instance of that id answering on {@code host}. */
    public static TestTenant on(String id, String host) {
        RegistryStandIn.shared().putInstance(id, List.of(host), 10, List.of());
        return new TestTenant(id, host);
    }

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    public String issuer() {
        return "http://" + host + "/id";
    }

    /** A confidential app with a system user and scopes read and update, and a fresh secret. */
    public TestApp app() {
        String clientId = "com.test/app-" + random(6);
        String secret = random(32);
        RegistryStandIn.App app = RegistryStandIn.shared().app(id, clientId).secret(secret, null).put();
        return new TestApp(this, clientId, secret, app);
    }

    /** A request addressed to this instance's host. */
    public RequestSpecification request() {
        return given().header("Host", host);
    }

    /** A client-credentials token of {@code app}, or fails the test. */
    public String token(TestApp app) {
        return tokenResponse(app).then().statusCode(200).extract().path("access_token");
    }

    public Response tokenResponse(TestApp app) {
        return request().auth().preemptive().basic(app.clientId(), app.secret())
                .formParam("grant_type", "client_credentials")
                .post("/id/connect/token");
    }

    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** An app of the tenant: its stand-in record, client id and secret. */
    public record TestApp(TestTenant tenant, String clientId, String secret, RegistryStandIn.App record) {

        /** Changes a field of the record, e.g. {@code set("enabled", false)}. */
        public TestApp set(String field, Object value) {
            record.set(field, value).put();
            return this;
        }
    }
}
