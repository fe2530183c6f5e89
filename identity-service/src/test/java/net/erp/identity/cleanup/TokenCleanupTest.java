package net.erp.identity.cleanup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.erp.identity.TestTenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** One clean-up run deletes the token rows dead for longer than the grace period, and nothing else. */
@QuarkusTest
class TokenCleanupTest {

    private final String instanceId = "t" + TestTenant.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x");

    @Inject
    TokenCleanup cleanup;

    @Inject
    Pool pool;

    @ConfigProperty(name = "identity.schema")
    String schema;

    @ConfigProperty(name = "identity.token-cleanup.grace")
    Duration grace;

    private static OffsetDateTime ago(Duration duration) {
        return Instant.now().minus(duration).atOffset(ZoneOffset.UTC);
    }

    private Duration pastGrace() {
        return grace.plusDays(1);
    }

    private Duration withinGrace() {
        return grace.minusDays(1);
    }

    private String refresh(String familyId, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
        String hash = TestTenant.random(16);
        pool.preparedQuery("INSERT INTO " + schema + ".refresh_token (token_hash, family_id, instance_id, client_id, "
                        + "user_id, username, sid, scopes, auth_time, created_at, expires_at, revoked_at) "
                        + "VALUES ($1, $2, $3, 'app', 'u1', 'alice', 'sid1', 'openid', 0, $4, $5, $6)")
                .execute(Tuple.tuple().addString(hash).addString(familyId).addString(instanceId)
                        .addOffsetDateTime(ago(Duration.ofDays(60))).addOffsetDateTime(expiresAt)
                        .addOffsetDateTime(revokedAt))
                .await().indefinitely();
        return hash;
    }

    private boolean refreshExists(String hash) {
        return pool.preparedQuery("SELECT 1 FROM " + schema + ".refresh_token WHERE token_hash = $1")
                .execute(Tuple.of(hash)).await().indefinitely().rowCount() == 1;
    }

    private String reference(OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
        String id = TestTenant.random(16);
        pool.preparedQuery("INSERT INTO " + schema + ".reference_token (id, instance_id, token_hash, kind, client_id, "
                        + "subject, scopes, created_at, created_by, expires_at, revoked_at) "
                        + "VALUES ($1, $2, $3, 'SAT', 'app', 'system', '{}', $4, 'operator', $5, $6)")
                .execute(Tuple.tuple().addString(id).addString(instanceId)
                        .addBuffer(Buffer.buffer(TestTenant.random(32)))
                        .addOffsetDateTime(ago(Duration.ofDays(400))).addOffsetDateTime(expiresAt)
                        .addOffsetDateTime(revokedAt))
                .await().indefinitely();
        return id;
    }

    private boolean referenceExists(String id) {
        return pool.preparedQuery("SELECT 1 FROM " + schema + ".reference_token WHERE id = $1")
                .execute(Tuple.of(id)).await().indefinitely().rowCount() == 1;
    }

    private void run() {
        cleanup.run().await().indefinitely();
    }

    @Test
    void runWhenRefreshTokenExpiredPastGraceThenDeleted() {
        String hash = refresh(TestTenant.random(8), ago(pastGrace()), null);

        run();

        assertFalse(refreshExists(hash));
    }

    @Test
    void runWhenRefreshTokenRevokedAndExpiredPastGraceThenDeleted() {
        String hash = refresh(TestTenant.random(8), ago(pastGrace()), ago(Duration.ofDays(30)));

        run();

        assertFalse(refreshExists(hash));
    }

    @Test
    void runWhenRefreshTokenExpiredWithinGraceThenKept() {
        String hash = refresh(TestTenant.random(8), ago(withinGrace()), null);

        run();

        assertTrue(refreshExists(hash));
    }

    @Test
    void runWhenRefreshTokenRevokedButFamilyLiveThenKept() {
        String hash = refresh(TestTenant.random(8), ago(Duration.ofDays(-10)), ago(pastGrace()));

        run();

        assertTrue(refreshExists(hash));
    }

    @Test
    void runWhenOldRowOfAFamilyWithALiveRowThenKept() {
        String familyId = TestTenant.random(8);
        String old = refresh(familyId, ago(pastGrace()), ago(pastGrace()));
        refresh(familyId, ago(Duration.ofDays(-10)), null);

        run();

        assertTrue(refreshExists(old));
    }

    @Test
    void runWhenReferenceTokenExpiredPastGraceThenDeleted() {
        String id = reference(ago(pastGrace()), null);

        run();

        assertFalse(referenceExists(id));
    }

    @Test
    void runWhenReferenceTokenRevokedPastGraceThenDeleted() {
        String id = reference(ago(Duration.ofDays(-100)), ago(pastGrace()));

        run();

        assertFalse(referenceExists(id));
    }

    @Test
    void runWhenReferenceTokenRevokedWithinGraceThenKept() {
        String id = reference(ago(Duration.ofDays(-100)), ago(withinGrace()));

        run();

        assertTrue(referenceExists(id));
    }

    @Test
    void runWhenReferenceTokenExpiredWithinGraceThenKept() {
        String id = reference(ago(withinGrace()), null);

        run();

        assertTrue(referenceExists(id));
    }

    @Test
    void runWhenReferenceTokenLiveThenKept() {
        String id = reference(ago(Duration.ofDays(-100)), null);

        run();

        assertTrue(referenceExists(id));
    }
}
