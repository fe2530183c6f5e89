package net.erp.identity.user;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code app_user} table. */
@ApplicationScoped
class UserStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final String table;

    UserStore(Pool pool, @ConfigProperty(name = "identity.schema") String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalStateException("identity.schema is not a plain PostgreSQL identifier");
        }
        this.pool = pool;
        this.table = schema + ".app_user";
    }

    /** Stores a new user; a username the instance already has (in any case) is a 409. */
    Uni<User> insert(String instanceId, String id, NewUser user, String passwordHash) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.preparedQuery("INSERT INTO " + table + " (id, instance_id, username, password_hash, kind, "
                        + "administrator, email, name, created_at, password_changed_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)")
                .execute(Tuple.tuple().addString(id).addString(instanceId).addString(user.username())
                        .addString(passwordHash).addString(user.kind()).addBoolean(user.administrator())
                        .addString(user.email()).addString(user.name()).addOffsetDateTime(now))
                .onFailure(UserStore::duplicate)
                .transform(failure -> OAuthError.conflict("username is already taken in this instance"))
                .replaceWith(new User(id, user.username(), user.kind(), user.administrator(), user.email(),
                        user.name()));
    }

    /** Replaces the password hash; empty when the instance has no such user. */
    Uni<Optional<User>> changePassword(String instanceId, String id, String passwordHash) {
        if (!storable(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("UPDATE " + table + " SET password_hash = $3, password_changed_at = $4 "
                        + "WHERE instance_id = $1 AND id = $2 "
                        + "RETURNING id, username, kind, administrator, email, name")
                .execute(Tuple.of(instanceId, id, passwordHash, OffsetDateTime.now(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
    }

    /** The user of that username (in any case) with the stored password hash, or empty. */
    Uni<Optional<StoredUser>> byUsername(String instanceId, String username) {
        if (!storable(username)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("SELECT id, username, kind, administrator, email, name, password_hash FROM " + table
                        + " WHERE instance_id = $1 AND lower(username) = lower($2)")
                .execute(Tuple.of(instanceId, username))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(stored(rows.iterator().next())));
    }

    /** The user of that id, or empty. */
    Uni<Optional<User>> byId(String instanceId, String id) {
        if (!storable(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("SELECT id, username, kind, administrator, email, name FROM " + table
                        + " WHERE instance_id = $1 AND id = $2")
                .execute(Tuple.of(instanceId, id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
    }

    /** A page of the instance's users in the order of their usernames (in any case), then ids. */
    Uni<List<User>> list(String instanceId, int first, int max) {
        return pool.preparedQuery("SELECT id, username, kind, administrator, email, name FROM " + table
                        + " WHERE instance_id = $1 ORDER BY lower(username), id OFFSET $2 LIMIT $3")
                .execute(Tuple.of(instanceId, first, max))
                .map(rows -> {
                    var found = new ArrayList<User>(rows.rowCount());
                    rows.forEach(row -> found.add(read(row)));
                    return found;
                });
    }

    /** Deletes the user; false when the instance has no such user. */
    Uni<Boolean> delete(String instanceId, String id) {
        if (!storable(id)) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("DELETE FROM " + table + " WHERE instance_id = $1 AND id = $2")
                .execute(Tuple.of(instanceId, id))
                .map(rows -> rows.rowCount() > 0);
    }

    private static User read(Row row) {
        return new User(row.getString("id"), row.getString("username"), row.getString("kind"),
                row.getBoolean("administrator"), row.getString("email"), row.getString("name"));
    }

    private static StoredUser stored(Row row) {
        return new StoredUser(read(row), row.getString("password_hash"));
    }

    /** A user and the stored password hash; its {@code toString} leaves the hash out. */
    record StoredUser(User user, String passwordHash) {

        @Override
        public String toString() {
            return "StoredUser[id=" + user.id() + "]";
        }
    }

    /**
     * Whether PostgreSQL can hold the text at all: it refuses a NUL character with an error, so a lookup by
     * such an id or username (odd bytes from a path or a form) finds nothing rather than failing.
     */
    private static boolean storable(String value) {
        return value.indexOf('\0') < 0;
    }

    private static boolean duplicate(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
