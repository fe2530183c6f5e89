package net.erp.identity.reference;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code reference_token} table, read together with {@code app_user} (a PAT's username, whether its
 * user still exists, who is an instance administrator).
 */
@ApplicationScoped
class ReferenceTokenStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** What a caller's user record says about them. */
    record Member(String id, String username, String kind, boolean administrator) {
    }

    private final Pool pool;
    private final String tokens;
    private final String users;
    private final String select;

    ReferenceTokenStore(Pool pool, @ConfigProperty(name = "identity.schema") String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalStateException("identity.schema is not a plain PostgreSQL identifier");
        }
        this.pool = pool;
        this.tokens = schema + ".reference_token";
        this.users = schema + ".app_user";
        this.select = "SELECT t.id, t.instance_id, t.kind, t.client_id, t.subject, u.username, t.scopes, "
                + "t.description, t.created_at, t.created_by, t.expires_at, t.last_used_at, t.revoked_at "
                + "FROM " + tokens + " t LEFT JOIN " + users + " u "
                + "ON t.kind = 'PAT' AND u.id = t.subject AND u.instance_id = t.instance_id ";
    }

    Uni<Void> insert(ReferenceToken token, byte[] hash) {
        return pool.preparedQuery("INSERT INTO " + tokens + " (id, instance_id, token_hash, kind, client_id, subject, "
                        + "scopes, description, created_at, created_by, expires_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.tuple().addString(token.id()).addString(token.instanceId())
                        .addBuffer(Buffer.buffer(hash))
                        .addString(token.kind().name()).addString(token.clientId()).addString(token.subject())
                        .addArrayOfString(token.scopes().toArray(String[]::new)).addString(token.description())
                        .addOffsetDateTime(utc(token.createdAt())).addString(token.createdBy())
                        .addOffsetDateTime(utc(token.expiresAt())))
                .replaceWithVoid();
    }

    /** The token whose value hashes to {@code hash}, of any instance and state. */
    Uni<Optional<ReferenceToken>> findByHash(byte[] hash) {
        return pool.preparedQuery(select + "WHERE t.token_hash = $1")
                .execute(Tuple.tuple().addBuffer(Buffer.buffer(hash)))
                .map(ReferenceTokenStore::first);
    }

    Uni<Optional<ReferenceToken>> find(String instanceId, String id) {
        if (!storable(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery(select + "WHERE t.instance_id = $1 AND t.id = $2")
                .execute(Tuple.of(instanceId, id))
                .map(ReferenceTokenStore::first);
    }

    /** The instance's tokens that are neither revoked nor expired; only {@code subject}'s PATs when given. */
    Uni<List<ReferenceToken>> live(String instanceId, String subject, Instant now) {
        String mine = subject == null ? "" : "AND t.kind = 'PAT' AND t.subject = $3 ";
        Tuple arguments = Tuple.tuple().addString(instanceId).addOffsetDateTime(utc(now));
        if (subject != null) {
            arguments.addString(subject);
        }
        return pool.preparedQuery(select + "WHERE t.instance_id = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 "
                        + mine + "ORDER BY t.created_at, t.id")
                .execute(arguments)
                .map(ReferenceTokenStore::all);
    }

    /** The user's PATs that are not revoked yet. */
    Uni<List<ReferenceToken>> unrevokedPats(String instanceId, String userId) {
        return pool.preparedQuery(select + "WHERE t.instance_id = $1 AND t.kind = 'PAT' AND t.subject = $2 "
                        + "AND t.revoked_at IS NULL")
                .execute(Tuple.of(instanceId, userId))
                .map(ReferenceTokenStore::all);
    }

    /** Marks the token revoked; false when it already was. */
    Uni<Boolean> markRevoked(String id, Instant now) {
        return pool.preparedQuery("UPDATE " + tokens + " SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(id, utc(now)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Records a use, unless another request or replica recorded one since {@code before}. */
    Uni<Void> touch(String id, Instant now, Instant before) {
        return pool.preparedQuery("UPDATE " + tokens + " SET last_used_at = $2 "
                        + "WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)")
                .execute(Tuple.of(id, utc(now), utc(before)))
                .replaceWithVoid();
    }

    /** The user of the instance with that id, or empty. */
    Uni<Optional<Member>> member(String instanceId, String userId) {
        if (!storable(userId)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("SELECT id, username, kind, administrator FROM " + users
                        + " WHERE instance_id = $1 AND id = $2")
                .execute(Tuple.of(instanceId, userId))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Member>empty()
                        : Optional.of(member(rows.iterator().next())));
    }

    /** Whether PostgreSQL can hold the text: a NUL character (odd bytes from a path or a body) it cannot. */
    private static boolean storable(String value) {
        return value.indexOf('\0') < 0;
    }

    private static Member member(Row row) {
        return new Member(row.getString("id"), row.getString("username"), row.getString("kind"),
                row.getBoolean("administrator"));
    }

    private static Optional<ReferenceToken> first(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next()));
    }

    private static List<ReferenceToken> all(RowSet<Row> rows) {
        var found = new ArrayList<ReferenceToken>(rows.rowCount());
        rows.forEach(row -> found.add(read(row)));
        return found;
    }

    private static ReferenceToken read(Row row) {
        return new ReferenceToken(row.getString("id"), row.getString("instance_id"),
                ReferenceTokenKind.valueOf(row.getString("kind")), row.getString("client_id"),
                row.getString("subject"), row.getString("username"),
                List.copyOf(Arrays.asList(row.getArrayOfStrings("scopes"))), row.getString("description"),
                instant(row, "created_at"), row.getString("created_by"), instant(row, "expires_at"),
                instant(row, "last_used_at"), instant(row, "revoked_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** Deletes the tokens that expired or were revoked before {@code before}; the number deleted. Idempotent. */
    Uni<Integer> deleteDeadBefore(Instant before) {
        return pool.preparedQuery("DELETE FROM " + tokens + " WHERE expires_at < $1 OR revoked_at < $1")
                .execute(Tuple.of(utc(before)))
                .map(rows -> rows.rowCount());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
