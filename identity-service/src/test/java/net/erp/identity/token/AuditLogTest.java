package net.erp.identity.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import net.erp.fixtures.LogLines;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    private final TestTenant tenant = TestTenant.create();
    private LogLines audit;

    @BeforeEach
    void listen() {
        audit = LogLines.audit();
    }

    @AfterEach
    void stopListening() {
        audit.close();
    }

    @Test
    void whenTokenIssuedThenAuditEventNamesInstanceClientAndJtiButNoSecretOrToken() {
        TestApp app = tenant.app();

        String token = tenant.token(app);

        String event = audit.lines().stream()
                .filter(line -> line.contains("event=token.issued"))
                .findFirst().orElseThrow();
        assertTrue(event.contains("instance=" + tenant.id()));
        assertTrue(event.contains("client_id=" + app.clientId()));
        assertTrue(event.contains("jti=" + ClientCredentialsGrantTest.payload(token).getString("jti")));
        assertFalse(event.contains(app.secret()));
        assertFalse(event.contains(token));
    }
}
