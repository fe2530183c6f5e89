package net.erp.identity.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.erp.fixtures.LogLines;
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

    private String createAdministrator(TestTenant of, String username) {
        var user = new java.util.HashMap<>(newUser(username));
        user.put("administrator", true);
        return admin().body(user).post("/api/instances/" + of.id() + "/users")
                .then().statusCode(201).extract().path("id");
    }

    private String users() {
        return "/api/instances/" + tenant.id() + "/users";
    }

    private String tokenOf(String userId) {
        return tokenOf(tenant, userId);
    }

    private String tokenOf(TestTenant of, String userId) {
        var instance = new Instance(of.id(), of.id(), List.of(of.host()), 10, List.of(), false);
        return issuer.issue(new InstanceContext(instance, of.issuer()), userId, "com.test/web",
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

    @Test
    void whenListedThenEveryUserInUsernameOrderWithoutPasswordHashes() {
        create("carl");
        create("anna");
        create("Bert");

        admin().get(users()).then().statusCode(200)
                .body("username", equalTo(List.of("anna", "Bert", "carl")))
                .body("[0].id", notNullValue()).body("[0].kind", equalTo("INTERNAL"))
                .body(not(containsString("pbkdf2"))).body(not(containsString("password")));
    }

    @Test
    void whenListedWithFirstAndMaxThenThatPage() {
        create("anna");
        create("bert");
        create("carl");

        admin().queryParam("first", 1).queryParam("max", 1).get(users())
                .then().statusCode(200).body("username", equalTo(List.of("bert")));
    }

    @Test
    void whenListedWithMaxNotANumberThenInvalidRequestNamingIt() {
        admin().queryParam("max", "ten").get(users())
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("max"));
    }

    @Test
    void whenListedWithFirstNegativeThenInvalidRequest() {
        admin().queryParam("first", -1).get(users()).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenListedWithMaxRepeatedThenInvalidRequest() {
        admin().get(users() + "?max=1&max=2").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenReadThenTheUserWithoutPassword() {
        String id = create("ida");

        admin().get(users() + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("username", equalTo("ida")).body("email", equalTo("ida@example.test"))
                .body(not(containsString("pbkdf2")));
    }

    @Test
    void whenReadUnknownThenNotFound() {
        admin().get(users() + "/no-such-user").then().statusCode(404).body("error", equalTo("unknown_user"));
    }

    @Test
    void whenReadWithoutTokenThenUnauthorized() {
        given().get(users()).then().statusCode(401);
    }

    @Test
    void whenAdministratorOfInstanceListsThenUsers() {
        String administrator = createAdministrator(tenant, "root");

        given().auth().oauth2(tokenOf(administrator)).get(users())
                .then().statusCode(200).body("username", equalTo(List.of("root")));
    }

    @Test
    void whenAdministratorOfInstanceCreatesUserThenCreated() {
        String administrator = createAdministrator(tenant, "root");

        given().auth().oauth2(tokenOf(administrator)).contentType("application/json").body(newUser("judy"))
                .post(users()).then().statusCode(201);
    }

    @Test
    void whenPlainUserListsThenForbidden() {
        String plain = create("kim");

        given().auth().oauth2(tokenOf(plain)).get(users())
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void whenAdministratorOfAnotherInstanceListsThenUnauthorized() {
        TestTenant other = TestTenant.create();
        String foreign = createAdministrator(other, "root");

        given().auth().oauth2(tokenOf(other, foreign)).get(users())
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void whenServiceTokenListsThenForbidden() {
        given().auth().oauth2(tenant.token(tenant.app())).get(users()).then().statusCode(403);
    }

    @Test
    void whenAnAdministratorChangesUsersThenEachAuditLineNamesThemAsActor() {
        String administrator = createAdministrator(tenant, "admin-" + TestTenant.random(6));
        String token = tokenOf(administrator);
        Supplier<RequestSpecification> asAdministrator = () -> given().auth().oauth2(token)
                .contentType("application/json");

        try (LogLines audit = LogLines.audit()) {
            String id = asAdministrator.get().body(newUser("erin")).post(users()).then().statusCode(201)
                    .extract().path("id");
            asAdministrator.get().body(Map.of("password", TestTenant.random(12)))
                    .put(users() + "/" + id + "/password").then().statusCode(200);
            asAdministrator.get().delete(users() + "/" + id).then().statusCode(204);

            for (String event : List.of("user.created", "password.changed", "user.deleted")) {
                assertEquals(1, audit.lines().stream().filter(line -> line.contains("event=" + event)
                        && line.contains("user=" + id) && line.contains("actor=" + administrator)).count(), event);
            }
        }
    }
}
