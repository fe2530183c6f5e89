package net.erp.registry;

import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.newClientId;
import static net.erp.registry.Api.serviceApp;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import net.erp.fixtures.LogLines;
import org.junit.jupiter.api.Test;

/** One structured audit line per change, naming the event, the instance, the app and the actor. */
@QuarkusTest
class AuditLogTest {

    private static boolean logged(LogLines audit, String... parts) {
        return audit.lines().stream().anyMatch(line -> java.util.Arrays.stream(parts).allMatch(line::contains)
                && line.contains(" at=20"));
    }

    @Test
    void instanceWhenCreatedThenAuditLine() {
        try (LogLines audit = LogLines.of("audit")) {
            String id = Api.createInstance();

            assertTrue(logged(audit, "event=instance.created instance=" + id + " actor=operator"));
        }
    }

    @Test
    void appWhenCreatedThenAuditLineWithClientIdAndActor() {
        String instanceId = Api.createInstance();
        String clientId = newClientId();
        try (LogLines audit = LogLines.of("audit")) {
            Api.createApp(instanceId, serviceApp(clientId));

            assertTrue(logged(audit, "event=app.created instance=" + instanceId + " client_id=" + clientId,
                    "actor=operator"));
        }
    }

    @Test
    void appWhenDisabledThenAuditLine() {
        String instanceId = Api.createInstance();
        String clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));
        var disabled = serviceApp(clientId);
        disabled.put("enabled", false);
        try (LogLines audit = LogLines.of("audit")) {
            asAdmin().body(disabled).put("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(200);

            assertTrue(logged(audit, "event=app.disabled", "client_id=" + clientId));
        }
    }

    @Test
    void secretWhenCreatedThenAuditLineWithItsIdNotItsValue() {
        String instanceId = Api.createInstance();
        String clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));
        try (LogLines audit = LogLines.of("audit")) {
            var created = asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                    .then().statusCode(201).extract().jsonPath();

            assertTrue(logged(audit, "event=secret.created", "secret_id=" + created.getString("id")));
            assertTrue(audit.lines().stream().noneMatch(line -> line.contains(created.getString("secret"))));
        }
    }

    @Test
    void scopeWhenCreatedThenAuditLine() {
        String instanceId = Api.createInstance();
        try (LogLines audit = LogLines.of("audit")) {
            asAdmin().body(Map.of("name", "stock.read")).post("/api/instances/{i}/scopes", instanceId)
                    .then().statusCode(201);

            assertTrue(logged(audit, "event=scope.created instance=" + instanceId + " scope=stock.read"));
        }
    }

    @Test
    void scopeWhenDeletedThenAuditLine() {
        String instanceId = Api.createInstance();
        asAdmin().body(Map.of("name", "stock.read")).post("/api/instances/{i}/scopes", instanceId)
                .then().statusCode(201);
        try (LogLines audit = LogLines.of("audit")) {
            asAdmin().delete("/api/instances/{i}/scopes/{n}", instanceId, "stock.read").then().statusCode(204);

            assertTrue(logged(audit, "event=scope.deleted instance=" + instanceId + " scope=stock.read"));
        }
    }

    @Test
    void changeWhenRefusedThenNoAuditLine() {
        try (LogLines audit = LogLines.of("audit")) {
            asAdmin().body(Map.of("id", "x")).post("/api/instances").then().statusCode(400);

            assertTrue(audit.lines().isEmpty());
        }
    }
}
