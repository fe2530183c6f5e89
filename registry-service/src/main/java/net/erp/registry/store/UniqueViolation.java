package net.erp.registry.store;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.function.Function;
import net.erp.contract.error.OAuthError;

/**
 * Turns PostgreSQL's unique violation (SQLSTATE 23505) into a 409 conflict. The services check for a clash
 * before they write, so that the message can name it; this covers the race of two requests that pass the
 * check at the same time, which the database settles.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** A failure mapper: a unique violation becomes {@code conflict(description)}, anything else stays. */
    public static Function<Throwable, Throwable> asConflict(String description) {
        return failure -> isUniqueViolation(failure) ? OAuthError.conflict(description) : failure;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive hands the driver's error on as a SQLException carrying the same SQLSTATE.
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
