package net.erp.identity.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    private final TestTenant tenant = TestTenant.create();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters());
            lines.add(message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("net.erp.identity.audit").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("net.erp.identity.audit").removeHandler(capture);
    }

    @Test
    void whenTokenIssuedThenAuditEventNamesInstanceClientAndJtiButNoSecretOrToken() {
        TestApp app = tenant.app();

        String token = tenant.token(app);

        String event = lines.stream().filter(line -> line.contains("event=token_issued")).findFirst().orElseThrow();
        assertTrue(event.contains("instance=" + tenant.id()));
        assertTrue(event.contains("client_id=" + app.clientId()));
        assertTrue(event.contains("jti=" + ClientCredentialsGrantTest.payload(token).getString("jti")));
        assertFalse(event.contains(app.secret()));
        assertFalse(event.contains(token));
    }
}
