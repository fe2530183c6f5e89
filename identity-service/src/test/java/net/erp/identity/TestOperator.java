package net.erp.identity;

import static io.restassured.RestAssured.given;

import java.util.List;
import net.erp.fixtures.RegistryStandIn;

/** The operator's app in the default instance ({@code dev} in tests), holding the scope {@code admin}. */
public final class TestOperator {

    public static final String DEFAULT_INSTANCE = "dev";
    public static final String HOST = "operator.dev.example.test";

    private static volatile TestTenant.TestApp last;

    private TestOperator() {
    }

    /** The operator app {@link #token()} made last. */
    public static TestTenant.TestApp lastApp() {
        return last;
    }

    /** A fresh operator app and a token of it. */
    public static String token() {
        RegistryStandIn.shared().putInstance(DEFAULT_INSTANCE, List.of(HOST), 10, List.of());
        String clientId = "operator-" + TestTenant.random(4);
        String secret = TestTenant.random(32);
        RegistryStandIn.App app = RegistryStandIn.shared().app(DEFAULT_INSTANCE, clientId).secret(secret, null)
                .set("scopes", List.of("admin")).put();
        last = new TestTenant.TestApp(null, clientId, secret, app);
        return given().header("Host", HOST).auth().preemptive().basic(clientId, secret)
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
