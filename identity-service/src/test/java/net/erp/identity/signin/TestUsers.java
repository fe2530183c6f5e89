package net.erp.identity.signin;

import static io.restassured.RestAssured.given;

import java.util.Map;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;

/** Users of a test instance, made through the users API with the operator's token and a run-time password. */
public final class TestUsers {

    private static String operator;

    private TestUsers() {
    }

    /** A user of the instance: its id, name and password. */
    public record TestUser(String id, String username, String password) {
    }

    public static TestUser create(TestTenant tenant, String kind) {
        String username = "user-" + TestTenant.random(6);
        String password = TestTenant.random(12);
        String id = given().auth().oauth2(operator()).contentType("application/json")
                .body(Map.of("username", username, "password", password, "kind", kind, "administrator", false,
                        "email", username + "@example.test", "name", "Test " + username))
                .post("/api/instances/" + tenant.id() + "/users")
                .then().statusCode(201).extract().path("id");
        return new TestUser(id, username, password);
    }

    public static void changePassword(TestTenant tenant, TestUser user) {
        given().auth().oauth2(operator()).contentType("application/json")
                .body(Map.of("password", TestTenant.random(12)))
                .put("/api/instances/" + tenant.id() + "/users/" + user.id() + "/password")
                .then().statusCode(200);
    }

    public static void delete(TestTenant tenant, TestUser user) {
        given().auth().oauth2(operator())
                .delete("/api/instances/" + tenant.id() + "/users/" + user.id())
                .then().statusCode(204);
    }

    private static synchronized String operator() {
        if (operator == null) {
            operator = TestOperator.token();
        }
        return operator;
    }
}
