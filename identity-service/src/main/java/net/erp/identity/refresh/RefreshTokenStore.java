package net.erp.identity.refresh;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code refresh_token} table (V4). */
@ApplicationScoped
class RefreshTokenStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String COLUMNS = "token_hash, family_id, instance_id, client_id, user_id, username, sid, "
            + "scopes, auth_time, expires_at, rotated_at, revoked_at";
    private static final String READ_COLUMNS = COLUMNS + ", created_at";

    private final Pool pool;
    private final String table;

    RefreshTokenStore(Pool pool, @ConfigProperty(name = "identity.schema") String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalStateException("identity.schema is not a plain PostgreSQL identifier");
        }
        this.pool = pool;
        this.table = schema + ".refresh_token";
    }

    Uni<Void> insert(RefreshToken token) {
        return insert(pool, token);
    }

    Uni<Optional<RefreshToken>> find(String hash) {
        return pool.preparedQuery("SELECT " + READ_COLUMNS + " FROM " + table + " WHERE token_hash = $1")
                .execute(Tuple.of(hash))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
    }

    /**
     * Marks {@code current} used and stores its successor, in one transaction; false when another request
     * used or revoked it first (the row lock makes the second one see that).
     */
    Uni<Boolean> rotate(RefreshToken current, RefreshToken successor) {
        return pool.withTransaction(connection -> connection.preparedQuery("UPDATE " + table
                        + " SET rotated_at = $2 WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL")
                .execute(Tuple.of(current.hash(), now()))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : insert(connection, successor).replaceWith(true)));
    }

    /** Revokes every token of the family; the number revoked. */
    Uni<Integer> revokeFamily(String familyId) {
        return pool.preparedQuery("UPDATE " + table
                        + " SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(familyId, now()))
                .map(rows -> rows.rowCount());
    }

    /** Revokes every token of the user in the instance; the number revoked. */
    Uni<Integer> revokeUser(String instanceId, String userId) {
        return pool.preparedQuery("UPDATE " + table + " SET revoked_at = $3 "
                        + "WHERE instance_id = $1 AND user_id = $2 AND revoked_at IS NULL")
                .execute(Tuple.of(instanceId, userId, now()))
                .map(rows -> rows.rowCount());
    }

    /**
     * Deletes the rows of every family none of whose rows expires at or after {@code before}; the number
     * deleted. Idempotent, so every replica may run it.
     */
    Uni<Integer> deleteFamiliesExpiredBefore(Instant before) {
        return pool.preparedQuery("DELETE FROM " + table + " r WHERE r.expires_at < $1 AND NOT EXISTS "
                        + "(SELECT 1 FROM " + table + " o WHERE o.family_id = r.family_id AND o.expires_at >= $1)")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }

    private Uni<Void> insert(SqlClient client, RefreshToken token) {
        return client.preparedQuery("INSERT INTO " + table + " (" + COLUMNS + ", created_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, NULL, $11)")
                .execute(Tuple.tuple().addString(token.hash()).addString(token.familyId())
                        .addString(token.instanceId()).addString(token.clientId()).addString(token.userId())
                        .addString(token.username()).addString(token.sid()).addString(String.join(" ", token.scopes()))
                        .addLong(token.authTime()).addOffsetDateTime(token.expiresAt().atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(token.issuedAt().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static RefreshToken read(Row row) {
        String scopes = row.getString("scopes");
        return new RefreshToken(row.getString("token_hash"), row.getString("family_id"), row.getString("instance_id"),
                row.getString("client_id"), row.getString("user_id"), row.getString("username"),
                row.getString("sid"), scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" ")),
                row.getLong("auth_time"), row.getOffsetDateTime("expires_at").toInstant(),
                row.getValue("rotated_at") != null, row.getValue("revoked_at") != null,
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }
}
