package net.erp.identity.refresh;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import net.erp.identity.cleanup.DeadRows;

/**
 * Dead refresh tokens (RFC 6749 section 6): rows of families whose expiry passed. Every row of a family stays
 * until the whole family expired, rotated and revoked ones too, so that a rotated token presented again is
 * still recognised as reuse (RFC 9700 section 4.14.2) for as long as the family could be used.
 */
@ApplicationScoped
public class RefreshTokenCleanup implements DeadRows {

    private final RefreshTokenStore store;

    RefreshTokenCleanup(RefreshTokenStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "refresh tokens";
    }

    @Override
    public Uni<Integer> deleteDeadBefore(Instant before) {
        return store.deleteFamiliesExpiredBefore(before);
    }
}
