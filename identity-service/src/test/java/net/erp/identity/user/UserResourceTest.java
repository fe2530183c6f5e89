package net.erp.identity.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import net.erp.identity.SessionStandIn;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.registry.Instance;
import net.erp.identity.token.AccessTokenIssuer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserResourceTest {

    private final TestTenant tenant = TestTenant.create();
    private String operator;

    @Inject
    AccessTokenIssuer issuer;

    private RequestSpecification admin() {
        if (operator == null) {
            operator = TestOperator.token();
        }
        return given().auth().oauth2(operator).contentType("application/json");
    }

    private Map<String, Object> newUser(String username) {
        return Map.of("username", username, "password", TestTenant.random(12), "kind", "INTERNAL",
                "administrator", false, "email", username + "@example.test", "name", "Test User");
    }

    private String create(String username) {
        return admin().body(newUser(username)).post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(201).extract().path("id");
    }

    private String tokenOf(String userId) {
        var instance = new Instance(tenant.id(), tenant.id(), List.of(tenant.host()), 10, List.of(), false);
        return issuer.issue(new InstanceContext(instance, tenant.issuer()), userId, "com.test/web",
                List.of("openid"), null, "alice").await().indefinitely().value();
    }

    @Test
    void whenUserCreatedThenRecordWithIdAndWithoutPassword() {
        admin().body(newUser("alice")).post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("username", equalTo("alice"))
                .body("kind", equalTo("INTERNAL"))
                .body("password", equalTo(null));
    }

    @Test
    void whenUsernameTakenInAnyCaseThenConflict() {
        create("bob");

        admin().body(newUser("BOB")).post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(409).body("error", equalTo("conflict"));
    }

    @Test
    void whenPasswordTooShortThenInvalidRequestNamingIt() {
        var user = new java.util.HashMap<>(newUser("carol"));
        user.put("password", "short");

        admin().body(user).post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(400).body("error_description", org.hamcrest.Matchers.containsString("password"));
    }

    @Test
    void whenInstanceUnknownThenNotFound() {
        admin().body(newUser("dave")).post("/api/instances/no-such-instance/users")
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void whenNoTokenThenUnauthorized() {
        given().contentType("application/json").body(newUser("erin")).post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(401);
    }

    @Test
    void whenTokenWithoutAdminThenForbidden() {
        given().auth().oauth2(tenant.token(tenant.app())).contentType("application/json").body(newUser("frank"))
                .post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void whenPasswordChangedThenUsersTokensRefusedAndSessionsClosed() {
        String userId = create("grace");
        String token = tokenOf(userId);

        admin().body(Map.of("password", TestTenant.random(12)))
                .put("/api/instances/" + tenant.id() + "/users/" + userId + "/password")
                .then().statusCode(200);

        tenant.request().auth().oauth2(token).get("/id/connect/userinfo").then().statusCode(401);
        assertTrue(SessionStandIn.CALLS.contains("/internal/instances/" + tenant.id() + "/sessions/close "
                + "{\"subject\":\"" + userId + "\"}"));
    }

    @Test
    void whenUserDeletedThenNoContentAndPasswordChangeNotFound() {
        String userId = create("heidi");

        admin().delete("/api/instances/" + tenant.id() + "/users/" + userId).then().statusCode(204);

        admin().body(Map.of("password", TestTenant.random(12)))
                .put("/api/instances/" + tenant.id() + "/users/" + userId + "/password")
                .then().statusCode(404).body("error", equalTo("unknown_user"));
    }
}
