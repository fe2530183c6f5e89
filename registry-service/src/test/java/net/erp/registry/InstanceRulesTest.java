package net.erp.registry;

import static io.restassured.RestAssured.given;
import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.instance;
import static net.erp.registry.Api.newHost;
import static net.erp.registry.Api.newInstanceId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each refusal of an instance: one input changed from a valid request, and nothing written. */
@QuarkusTest
class InstanceRulesTest {

    private static void refused(Map<String, Object> body, int status, String error, String description) {
        asAdmin().body(body).post("/api/instances")
                .then().statusCode(status).body("error", equalTo(error))
                .body("error_description", startsWith(description));
        asAdmin().get("/api/instances/{id}", body.get("id")).then().statusCode(404);
    }

    private static Map<String, Object> with(String field, Object value) {
        var body = instance(newInstanceId());
        body.put(field, value);
        return body;
    }

    @Test
    void createWhenIdMissingThen400NamingId() {
        var body = instance(newInstanceId());
        body.remove("id");

        asAdmin().body(body).post("/api/instances")
                .then().statusCode(400).body("error_description", startsWith("id: is required"));
    }

    @Test
    void createWhenIdNotASlugThen400NamingId() {
        refused(with("id", "Acme_Corp"), 400, "invalid_request", "id:");
    }

    @Test
    void createWhenIdTakenThen409() {
        String id = Api.createInstance();

        asAdmin().body(instance(id)).post("/api/instances")
                .then().statusCode(409).body("error", equalTo("conflict"))
                .body("error_description", containsString(id));
    }

    @Test
    void createWhenDisplayNameEmptyThen400NamingDisplayName() {
        refused(with("displayName", " "), 400, "invalid_request", "displayName:");
    }

    @Test
    void createWhenDisplayNameOverlongThen400NamingDisplayName() {
        refused(with("displayName", "x".repeat(201)), 400, "invalid_request", "displayName:");
    }

    @Test
    void createWhenNoHostnameThen400NamingHostnames() {
        refused(with("hostnames", List.of()), 400, "invalid_request", "hostnames:");
    }

    @Test
    void createWhenHostnameHasSchemeThen400NamingIt() {
        refused(with("hostnames", List.of("https://" + newHost())), 400, "invalid_request", "hostnames[0]:");
    }

    @Test
    void createWhenHostnameHasPortThen400NamingIt() {
        refused(with("hostnames", List.of(newHost(), newHost() + ":8443")), 400, "invalid_request", "hostnames[1]:");
    }

    @Test
    void createWhenHostnameRepeatedThen400NamingIt() {
        String host = newHost();

        refused(with("hostnames", List.of(host, host.toUpperCase())), 400, "invalid_request", "hostnames[1]:");
    }

    @Test
    void createWhenHostnameOfAnotherInstanceThen409NamingTheHost() {
        String host = newHost();
        asAdmin().body(with("hostnames", List.of(host))).post("/api/instances").then().statusCode(201);

        var clash = with("hostnames", List.of(newHost(), host));

        refused(clash, 409, "conflict", "hostname '" + host + "'");
    }

    @Test
    void createWhenInstancesRaceForOneHostnameThenOneCreatedOthers409() throws Exception {
        String host = newHost();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var calls = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                var body = with("hostnames", List.of(host));
                calls.add(pool.submit(() -> asAdmin().body(body).post("/api/instances").then().extract().statusCode()));
            }

            var statuses = new ArrayList<Integer>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count());
            assertEquals(3, statuses.stream().filter(status -> status == 409).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createWhenLicenseLimitZeroThen400NamingLicenseLimit() {
        refused(with("licenseLimit", 0), 400, "invalid_request", "licenseLimit:");
    }

    @Test
    void createWhenLicenseLimitMissingThen400NamingLicenseLimit() {
        refused(with("licenseLimit", null), 400, "invalid_request", "licenseLimit:");
    }

    @Test
    void createWhenLicenseLimitIsTextThen400NamingLicenseLimit() {
        refused(with("licenseLimit", "5"), 400, "invalid_request", "field 'licenseLimit'");
    }

    @Test
    void createWhenLicenseLimitIsFractionThen400NamingLicenseLimit() {
        refused(with("licenseLimit", 1.5), 400, "invalid_request", "field 'licenseLimit'");
    }

    @Test
    void createWhenMoreReservedAccountsThanLicencesThen400NamingReservedAccounts() {
        var body = with("licenseLimit", 1);
        body.put("reservedAccounts", List.of("ops", "batch"));

        refused(body, 400, "invalid_request", "reservedAccounts:");
    }

    @Test
    void createWhenSandboxIsTextThen400NamingSandbox() {
        refused(with("sandbox", "true"), 400, "invalid_request", "field 'sandbox'");
    }

    @Test
    void createWhenUnknownFieldThen400NamingIt() {
        refused(with("tenantColour", "blue"), 400, "invalid_request", "unknown field 'tenantColour'");
    }

    @Test
    void createWhenBodyMalformedThen400() {
        asAdmin().body("{\"id\": \"x\",").post("/api/instances")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void createWhenBodyMissingThen400() {
        asAdmin().post("/api/instances")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void updateWhenIdDiffersFromPathThen400NamingId() {
        String id = Api.createInstance();

        asAdmin().body(instance(newInstanceId())).put("/api/instances/{id}", id)
                .then().statusCode(400).body("error_description", startsWith("id:"));
    }

    @Test
    void updateWhenUnknownThen404UnknownInstance() {
        String id = newInstanceId();

        asAdmin().body(instance(id)).put("/api/instances/{id}", id)
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void updateWhenHostnameOfAnotherInstanceThen409AndUnchanged() {
        String other = Api.createInstance();
        String host = asAdmin().get("/api/instances/{id}", other).then().extract().path("hostnames[0]");
        String id = Api.createInstance();

        var body = instance(id);
        body.put("hostnames", List.of(host));
        body.put("licenseLimit", 3);

        asAdmin().body(body).put("/api/instances/{id}", id)
                .then().statusCode(409).body("error_description", containsString(host));
        asAdmin().get("/api/instances/{id}", id).then().body("licenseLimit", equalTo(5));
    }

    @Test
    void deleteWhenDefaultInstanceThen400() {
        asAdmin().delete("/api/instances/dev")
                .then().statusCode(400).body("error_description", startsWith("instanceId:"));
    }

    @Test
    void deleteWhenUnknownThen404() {
        asAdmin().delete("/api/instances/{id}", newInstanceId()).then().statusCode(404);
    }

    @Test
    void createWhenContentTypeNotJsonThen415() {
        given().auth().oauth2(Api.adminToken()).contentType("text/plain").body("id=x").post("/api/instances")
                .then().statusCode(415);
    }
}
