package net.erp.identity.cleanup;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Rows of a feature that no request can use any more (RFC 6749 section 6 refresh tokens, RFC 7662 reference
 * tokens past their lifetime): each such table implements this, and {@link TokenCleanup} calls every
 * implementation on its timer. A deletion must be idempotent, as every replica runs it.
 */
public interface DeadRows {

    /** What the rows are, for the log line. */
    String name();

    /** Deletes the rows dead since before {@code before}; the number deleted. */
    Uni<Integer> deleteDeadBefore(Instant before);
}
