package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.erp.contract.internal.InternalCallFilter;
import net.erp.fixtures.RegistryStandIn;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class CloseSessionTest {

    private final TestInstance instance = TestInstance.create(1);

    @Test
    void deleteWhenOwnTokenThenLicenceFreed() {
        TestIssuer.Token token = open(instance.userToken("alice"));

        given().header("Authorization", TestInstance.bearer(token))
                .when().delete("/api/sessions/" + token.sid())
                .then().statusCode(204);

        open(instance.userToken("bob"));
    }

    @Test
    void deleteWhenAnotherUsersTokenThenAccessDenied() {
        TestIssuer.Token token = open(instance.userToken("alice"));

        given().header("Authorization", TestInstance.bearer(instance.userToken("bob")))
                .when().delete("/api/sessions/" + token.sid())
                .then().statusCode(403).body("error", equalTo("access_denied"));
    }

    @Test
    void deleteWhenOperatorTokenThenClosedInAnyInstance() {
        TestIssuer.Token token = open(instance.userToken("alice"));

        given().header("Authorization", TestInstance.bearer(TestInstance.operatorToken()))
                .queryParam("instanceId", instance.id)
                .when().delete("/api/sessions/" + token.sid())
                .then().statusCode(204);

        open(instance.userToken("bob"));
    }

    @Test
    void deleteWhenSameSidButAnotherInstanceThenAccessDenied() {
        TestIssuer.Token token = open(instance.userToken("alice"));
        TestInstance other = TestInstance.create(1);

        given().header("Authorization", TestInstance.bearer(other.userToken("alice").sid(token.sid())))
                .queryParam("instanceId", instance.id)
                .when().delete("/api/sessions/" + token.sid())
                .then().statusCode(403).body("error", equalTo("access_denied"));
    }

    @Test
    void deleteWhenSessionNotOpenThenNotFound() {
        TestIssuer.Token token = instance.userToken("alice");

        given().header("Authorization", TestInstance.bearer(token))
                .when().delete("/api/sessions/" + token.sid())
                .then().statusCode(404).body("error", equalTo("unknown_session"));
    }

    @Test
    void deleteWhenNoTokenThenUnauthorized() {
        given().when().delete("/api/sessions/some-session")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void internalCloseWhenLogoutBySidThenSessionClosed() {
        TestIssuer.Token token = open(instance.userToken("alice"));

        internalClose("{\"sid\":\"" + token.sid() + "\"}")
                .then().statusCode(200).body("closed", equalTo(1));

        open(instance.userToken("bob"));
    }

    @Test
    void internalCloseWhenPasswordChangedThenEverySessionOfTheUserClosed() {
        instance.update(3);
        open(instance.userToken("alice"));
        open(instance.userToken("alice"));
        open(instance.userToken("bob"));

        internalClose("{\"subject\":\"user-alice\"}")
                .then().statusCode(200).body("closed", equalTo(2));
    }

    @Test
    void internalCloseWhenNoSecretThenInvalidClient() {
        given().contentType(ContentType.JSON).body("{\"sid\":\"x\"}")
                .when().post("/internal/instances/" + instance.id + "/sessions/close")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void internalCloseWhenBothSidAndSubjectThenInvalidRequest() {
        internalClose("{\"sid\":\"x\",\"subject\":\"y\"}")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void internalCloseWhenNeitherSidNorSubjectThenInvalidRequest() {
        internalClose("{}")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void internalCloseWhenUnknownFieldThenInvalidRequest() {
        internalClose("{\"user\":\"alice\"}")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    private io.restassured.response.Response internalClose(String body) {
        return given().header(InternalCallFilter.HEADER, RegistryStandIn.TEST_INTERNAL_SECRET)
                .contentType(ContentType.JSON).body(body)
                .when().post("/internal/instances/" + instance.id + "/sessions/close");
    }

    private static TestIssuer.Token open(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions").then().statusCode(200);
        return token;
    }
}
