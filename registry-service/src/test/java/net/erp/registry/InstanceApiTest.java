package net.erp.registry;

import static io.restassured.RestAssured.given;
import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.instance;
import static net.erp.registry.Api.newInstanceId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
class InstanceApiTest {

    @Test
    void createWhenValidThen201WithTheRecord() {
        String id = newInstanceId();
        var body = instance(id);
        body.put("hostnames", List.of("Acme-" + id + ".Example.COM"));

        asAdmin().body(body).post("/api/instances")
                .then().statusCode(201)
                .header("Location", containsString("/api/instances/" + id))
                .body("id", equalTo(id))
                .body("hostnames", contains("acme-" + id + ".example.com"))
                .body("licenseLimit", equalTo(5))
                .body("reservedAccounts", contains("ops"))
                .body("sandbox", equalTo(false));
    }

    @Test
    void readWhenCreatedThenSameRecord() {
        String id = Api.createInstance();

        asAdmin().get("/api/instances/{id}", id)
                .then().statusCode(200).body("id", equalTo(id)).body("displayName", equalTo("Test " + id));
    }

    @Test
    void listWhenCreatedThenIncluded() {
        String id = Api.createInstance();

        assertTrue(allInstanceIds().contains(id));
    }

    @Test
    void listWhenPagedThenConsecutivePagesInIdOrder() {
        Api.createInstance();
        Api.createInstance();
        Api.createInstance();

        List<String> first = pageOfIds(0, 2);
        List<String> second = pageOfIds(2, 2);

        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        assertEquals(4, both.size());
        assertEquals(both.stream().sorted().toList(), both);
        assertEquals(both, pageOfIds(0, 4));
    }

    @Test
    void listWhenMaxLeftOutThenAtMostOneHundred() {
        int total = allInstanceIds().size();

        asAdmin().get("/api/instances").then().statusCode(200).body("size()", equalTo(Math.min(total, 100)));
    }

    @Test
    void listWhenFirstNegativeThen400NamingFirst() {
        asAdmin().queryParam("first", -1).get("/api/instances")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", startsWith("first:"));
    }

    @Test
    void listWhenMaxAboveTheCapThen400NamingMax() {
        asAdmin().queryParam("max", 1001).get("/api/instances")
                .then().statusCode(400).body("error_description", startsWith("max:"));
    }

    @Test
    void listWhenMaxZeroThen400NamingMax() {
        asAdmin().queryParam("max", 0).get("/api/instances")
                .then().statusCode(400).body("error_description", startsWith("max:"));
    }

    @Test
    void listWhenMaxNotANumberThen400NamingMax() {
        asAdmin().queryParam("max", "ten").get("/api/instances")
                .then().statusCode(400).body("error_description", startsWith("max:"));
    }

    private static List<String> pageOfIds(int first, int max) {
        return asAdmin().queryParam("first", first).queryParam("max", max).get("/api/instances")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    /** Every instance, page by page of the largest size. */
    private static List<String> allInstanceIds() {
        var ids = new ArrayList<String>();
        List<String> page;
        do {
            page = pageOfIds(ids.size(), 1000);
            ids.addAll(page);
        } while (page.size() == 1000);
        return ids;
    }

    @Test
    void startWhenDefaultInstanceMissingThenSeededWithLoopbackHosts() {
        asAdmin().get("/api/instances/dev")
                .then().statusCode(200).body("hostnames", contains("localhost", "127.0.0.1"))
                .body("licenseLimit", equalTo(100));
    }

    @Test
    void readWhenUnknownThen404UnknownInstance() {
        asAdmin().get("/api/instances/{id}", newInstanceId())
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void updateWhenValidThenReplacesTheRecord() {
        String id = Api.createInstance();
        var body = instance(id);
        body.put("licenseLimit", 9);
        body.put("reservedAccounts", List.of());
        body.put("sandbox", true);

        asAdmin().body(body).put("/api/instances/{id}", id)
                .then().statusCode(200).body("licenseLimit", equalTo(9)).body("sandbox", equalTo(true));
        asAdmin().get("/api/instances/{id}", id)
                .then().body("licenseLimit", equalTo(9)).body("reservedAccounts.size()", equalTo(0));
    }

    @Test
    void updateWhenHostnamesKeptThen200() {
        String id = Api.newInstanceId();
        var body = instance(id);
        asAdmin().body(body).post("/api/instances").then().statusCode(201);
        body.put("displayName", "Renamed");

        asAdmin().body(body).put("/api/instances/{id}", id)
                .then().statusCode(200).body("hostnames", equalTo(body.get("hostnames")));
    }

    @Test
    void deleteWhenPresentThen204AndGone() {
        String id = Api.createInstance();

        asAdmin().delete("/api/instances/{id}", id).then().statusCode(204);
        asAdmin().get("/api/instances/{id}", id).then().statusCode(404);
    }

    @Test
    void createWhenNoTokenThen401WithBearerChallenge() {
        given().contentType("application/json").body(instance(newInstanceId())).post("/api/instances")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }
}
