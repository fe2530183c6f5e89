package net.erp.identity.keys;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps the signing keys current on every replica. At start it makes the first key when none can sign. Then,
 * every {@code KEY_RELOAD_INTERVAL}, it reloads the keys, rotates when the newest key is older than
 * {@code KEY_ROTATION_PERIOD}, and forgets expired keys. A rotation publishes the new key
 * {@code KEY_PUBLISH_LEAD} before it signs and keeps the old one published for the access-token lifetime
 * plus the clock skew after it stops signing, and tells the other replicas on Redis to reload.
 */
@ApplicationScoped
public class KeyRotation {

    /** The Redis channel on which a replica that rotated tells the others to reload. */
    static final String CHANNEL = "identity-signing-keys";

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    private final SigningKeys keys;
    private final SigningKeyStore store;
    private final KeyMaterial material;
    private final ReactiveRedisDataSource redis;
    private final Vertx vertx;
    private final KeySchedule schedule;
    private final AtomicBoolean maintaining = new AtomicBoolean();
    private long timer = -1;
    private Cancellable subscription;

    KeyRotation(SigningKeys keys, SigningKeyStore store, KeyMaterial material, ReactiveRedisDataSource redis,
            Vertx vertx, KeySchedule schedule) {
        this.keys = keys;
        this.store = store;
        this.material = material;
        this.redis = redis;
        this.vertx = vertx;
        this.schedule = schedule;
    }

    void start(@Observes StartupEvent start) {
        keys.reload().flatMap(loaded -> ensureSigningKey()).await().atMost(Duration.ofSeconds(60));
        timer = vertx.setPeriodic(schedule.reloadInterval().toMillis(), tick -> maintain());
        subscription = redis.pubsub(String.class).subscribe(CHANNEL)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(message -> keys.reload().subscribe().with(done -> { }, this::reloadFailed),
                        failure -> LOG.error("signing key subscription ended", failure));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Rotates now (admin request): the new key is published at once and signs after the publish lead. */
    public Uni<SigningKey> rotateNow() {
        return rotate(null).map(rotated -> keys.all().stream()
                .max(Comparator.comparing(SigningKey::createdAt))
                .orElseThrow(() -> new IllegalStateException("no signing key after a rotation")));
    }

    private Uni<Void> ensureSigningKey() {
        Instant now = Instant.now();
        if (keys.signingKey(now).isPresent()) {
            return Uni.createFrom().voidItem();
        }
        return generate(now, now)
                .flatMap(first -> store.insertIfNoneSigns(first, now).invoke(stored -> {
                    if (stored) {
                        LOG.infof("made the first signing key %s (%s)", first.kid(), first.alg());
                    }
                }))
                .flatMap(stored -> keys.reload());
    }

    private void maintain() {
        if (!maintaining.compareAndSet(false, true)) {
            return;
        }
        keys.reload()
                .flatMap(loaded -> rotationCue().map(this::rotate).orElseGet(() -> Uni.createFrom().item(false)))
                .flatMap(rotated -> ensureSigningKey())
                .flatMap(ready -> store.deleteExpired(Instant.now()))
                .eventually(() -> maintaining.set(false))
                .subscribe().with(deleted -> { }, this::reloadFailed);
    }

    /**
     * When a rotation is due, the moment the newest stored key must predate for this replica to make it (so
     * that replicas deciding together make one key): the schedule, or a changed {@code SIGNING_ALGORITHM}.
     */
    private Optional<Instant> rotationCue() {
        Instant now = Instant.now();
        if (rotationDue(keys.all(), schedule.rotationPeriod(), now)) {
            return Optional.of(now.minus(schedule.rotationPeriod()));
        }
        return keys.all().stream().max(Comparator.comparing(SigningKey::createdAt))
                .filter(newest -> !newest.alg().equals(schedule.algorithm()))
                .map(newest -> {
                    LOG.infof("SIGNING_ALGORITHM is %s but the newest key is %s: rotating", schedule.algorithm(),
                            newest.alg());
                    return newest.createdAt().plusMillis(1);
                });
    }

    /** Whether the newest key is at least one rotation period old (no keys: the start-up makes the first). */
    static boolean rotationDue(List<SigningKey> keys, Duration period, Instant now) {
        Instant newest = keys.stream().map(SigningKey::createdAt).max(Comparator.naturalOrder()).orElse(null);
        return newest != null && !newest.plus(period).isAfter(now);
    }

    private Uni<Boolean> rotate(Instant onlyIfNewestBefore) {
        Instant now = Instant.now();
        Instant activeFrom = now.plus(schedule.publishLead());
        Instant retiredExpire = activeFrom.plus(schedule.retiredKeyKept());
        return generate(now, activeFrom)
                .flatMap(next -> store.rotate(next, retiredExpire, onlyIfNewestBefore).invoke(rotated -> {
                    if (rotated) {
                        LOG.infof("rotated: signing key %s (%s) published, signs from %s", next.kid(), next.alg(),
                                activeFrom);
                    }
                }))
                .call(rotated -> keys.reload())
                .call(rotated -> rotated ? redis.pubsub(String.class).publish(CHANNEL, "rotated")
                        : Uni.createFrom().voidItem());
    }

    private Uni<StoredKey> generate(Instant createdAt, Instant activeFrom) {
        return Uni.createFrom().item(() -> material.generate(schedule.algorithm(), createdAt, activeFrom))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void reloadFailed(Throwable failure) {
        LOG.errorf(failure, "could not reload or rotate the signing keys; keeping the ones loaded");
    }
}
