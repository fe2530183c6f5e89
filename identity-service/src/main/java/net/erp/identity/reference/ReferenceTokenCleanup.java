package net.erp.identity.reference;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import net.erp.identity.cleanup.DeadRows;

/**
 * Dead reference tokens (RFC 7662 section 2.2: inactive for good): rows that expired, or were revoked, before
 * the given moment. Neither shows in the listing nor passes introspection, so only the row goes.
 */
@ApplicationScoped
public class ReferenceTokenCleanup implements DeadRows {

    private final ReferenceTokenStore store;

    ReferenceTokenCleanup(ReferenceTokenStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "reference tokens";
    }

    @Override
    public Uni<Integer> deleteDeadBefore(Instant before) {
        return store.deleteDeadBefore(before);
    }
}
