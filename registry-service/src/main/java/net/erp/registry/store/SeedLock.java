package net.erp.registry.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The lock that start-up seeding takes first in its transaction, so that replicas starting together on an
 * empty database seed one after the other: the second one sees the first one's rows and leaves them be,
 * instead of inserting them again and failing its start on a unique constraint.
 *
 * <p>It is a transaction-scoped PostgreSQL advisory lock ({@code pg_advisory_xact_lock}), released by the
 * commit or the rollback. Advisory locks are shared by the whole database, so the key is one no other
 * service of the platform takes.
 */
public final class SeedLock {

    /** The lock's key: "RegSeed" in ASCII. */
    public static final long KEY = 0x0052_6567_5365_6564L;

    private SeedLock() {
    }

    /** Waits for the lock; call it first inside {@code Panache.withTransaction}. */
    public static Uni<Void> take() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)", Integer.class)
                        .setParameter(1, KEY)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
