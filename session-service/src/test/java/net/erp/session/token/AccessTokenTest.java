package net.erp.session.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void accountWhenUserTokenThenPreferredUsername() {
        AccessToken token = token("sid-1", "alice");

        assertEquals("alice", token.account());
    }

    @Test
    void accountWhenServiceTokenThenSubjectAsSystemUser() {
        AccessToken token = token("sid-1", null);

        assertEquals("system-batch", token.account());
        assertTrue(token.isService());
    }

    @Test
    void sessionIdWhenTokenHasSidThenSid() {
        assertEquals("sid-1", token("sid-1", "alice").sessionId());
    }

    @Test
    void sessionIdWhenTokenHasNoSidThenItsJti() {
        assertEquals("jti-1", token(null, "alice").sessionId());
    }

    @Test
    void isAdminWhenNoAdminScopeThenFalse() {
        assertFalse(token("sid-1", "alice").isAdmin());
    }

    private static AccessToken token(String sid, String username) {
        return new AccessToken("acme", username == null ? "system-batch" : "user-1", "com.vendor/app", sid, "jti-1",
                NOW, NOW.plusSeconds(3600), Set.of("read"), username);
    }
}
