package net.erp.identity.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code signing_key} table, shared by every replica. Changes take a transaction-scoped advisory lock,
 * so replicas that start or rotate at the same moment make one key, not one each.
 */
@ApplicationScoped
class SigningKeyStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final long LOCK = 0x5167_6e4b_6579L;
    private static final String COLUMNS =
            "kid, alg, public_jwk, private_key, created_at, active_from, retire_at, expires_at";

    private final Pool pool;
    private final String table;

    SigningKeyStore(Pool pool, @ConfigProperty(name = "identity.schema") String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalStateException("identity.schema is not a plain PostgreSQL identifier");
        }
        this.pool = pool;
        this.table = schema + ".signing_key";
    }

    /** Every key still published at {@code now}. */
    Uni<List<StoredKey>> published(Instant now) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE expires_at IS NULL OR expires_at > $1 ORDER BY active_from")
                .execute(Tuple.of(at(now)))
                .map(rows -> {
                    var keys = new ArrayList<StoredKey>();
                    rows.forEach(row -> keys.add(read(row)));
                    return keys;
                });
    }

    /** Stores {@code first} unless some key can still sign; true when it was stored. */
    Uni<Boolean> insertIfNoneSigns(StoredKey first, Instant now) {
        return pool.withTransaction(connection -> lock(connection)
                .flatMap(locked -> connection.preparedQuery("SELECT count(*) FROM " + table
                                + " WHERE retire_at IS NULL OR retire_at > $1")
                        .execute(Tuple.of(at(now))))
                .flatMap(rows -> rows.iterator().next().getLong(0) > 0 ? Uni.createFrom().item(false)
                        : insert(connection, first).replaceWith(true)));
    }

    /**
     * Retires every key that has no retirement yet at {@code next.activeFrom()}, published until
     * {@code retiredExpire}, and stores {@code next}. With {@code onlyIfNewestBefore} set, does nothing
     * (false) when another replica made a key after that moment.
     */
    Uni<Boolean> rotate(StoredKey next, Instant retiredExpire, Instant onlyIfNewestBefore) {
        return pool.withTransaction(connection -> lock(connection)
                .flatMap(locked -> newest(connection))
                .flatMap(newest -> {
                    if (onlyIfNewestBefore != null && newest != null && !newest.isBefore(onlyIfNewestBefore)) {
                        return Uni.createFrom().item(false);
                    }
                    return connection.preparedQuery("UPDATE " + table
                                    + " SET retire_at = $1, expires_at = $2 WHERE retire_at IS NULL")
                            .execute(Tuple.of(at(next.activeFrom()), at(retiredExpire)))
                            .flatMap(updated -> insert(connection, next))
                            .replaceWith(true);
                }));
    }

    /** Forgets keys no verifier needs any more. */
    Uni<Integer> deleteExpired(Instant now) {
        return pool.preparedQuery("DELETE FROM " + table + " WHERE expires_at <= $1")
                .execute(Tuple.of(at(now)))
                .map(rows -> rows.rowCount());
    }

    private Uni<Instant> newest(SqlConnection connection) {
        return connection.query("SELECT max(created_at) FROM " + table).execute()
                .map(rows -> {
                    OffsetDateTime newest = rows.iterator().next().getOffsetDateTime(0);
                    return newest == null ? null : newest.toInstant();
                });
    }

    private Uni<Void> lock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK)).replaceWithVoid();
    }

    private Uni<Void> insert(SqlConnection connection, StoredKey key) {
        return connection.preparedQuery("INSERT INTO " + table + " (" + COLUMNS
                        + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple()
                        .addString(key.kid()).addString(key.alg()).addString(key.publicJwk())
                        .addBuffer(Buffer.buffer(key.sealedPrivateKey()))
                        .addOffsetDateTime(at(key.createdAt())).addOffsetDateTime(at(key.activeFrom()))
                        .addOffsetDateTime(at(key.retireAt())).addOffsetDateTime(at(key.expiresAt())))
                .replaceWithVoid();
    }

    private static StoredKey read(Row row) {
        return new StoredKey(row.getString("kid"), row.getString("alg"), row.getString("public_jwk"),
                row.getBuffer("private_key").getBytes(), instant(row, "created_at"), instant(row, "active_from"),
                instant(row, "retire_at"), instant(row, "expires_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
