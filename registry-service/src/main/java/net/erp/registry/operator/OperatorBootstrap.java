package net.erp.registry.operator;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.erp.registry.app.AppRecord;
import net.erp.registry.app.ClientType;
import net.erp.registry.app.ReferenceTokenPolicy;
import net.erp.registry.app.TrustedApplication;
import net.erp.registry.audit.AuditLog;
import net.erp.registry.change.RegistryChanges;
import net.erp.registry.scope.BuiltInScopes;
import net.erp.registry.secret.ClientSecret;
import net.erp.registry.secret.SecretHasher;
import net.erp.registry.store.SeedLock;
import org.jboss.logging.Logger;

/**
 * Creates the operator application from {@code BOOTSTRAP_ADMIN_CLIENT_ID} and {@code
 * BOOTSTRAP_ADMIN_CLIENT_SECRET}: a confidential app acting as its own system user with the scopes admin,
 * read and update. At a later start only its secret is replaced, and only when the configured one differs.
 * Replicas starting together take their turns ({@link SeedLock}), so the app and its secret are stored once.
 */
@ApplicationScoped
class OperatorBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class);

    private final SecretHasher hasher;
    private final RegistryChanges changes;
    private final AuditLog audit;

    OperatorBootstrap(SecretHasher hasher, RegistryChanges changes, AuditLog audit) {
        this.hasher = hasher;
        this.changes = changes;
        this.audit = audit;
    }

    /** Ensures the app and its secret; answers the audit event of what changed, or {@code null}. */
    Uni<String> ensure(String instanceId, String clientId, String secret) {
        byte[] hash = hasher.hash(secret);
        return Panache.withTransaction(() -> SeedLock.take()
                .chain(() -> TrustedApplication.findByClientId(instanceId, clientId))
                .chain(app -> app == null ? create(instanceId, clientId, hash)
                        : replaceSecretIfChanged(app, hash)))
                .call(event -> event == null ? Uni.createFrom().voidItem() : changes.appChanged(instanceId, clientId))
                .invoke(event -> {
                    LOG.infof("operator application %s: %s", clientId, event == null ? "unchanged" : event);
                    if (event != null) {
                        audit.app(event, instanceId, clientId, AuditLog.SYSTEM);
                    }
                });
    }

    private Uni<String> create(String instanceId, String clientId, byte[] hash) {
        var record = new AppRecord(clientId, "Platform operator", ClientType.CONFIDENTIAL, List.of(), List.of(),
                false, false, true, clientId, List.of(BuiltInScopes.ADMIN, "read", "update"),
                ReferenceTokenPolicy.NONE, true);
        TrustedApplication app = TrustedApplication.of(instanceId, record);
        return app.persist()
                .chain(() -> secret(app, hash).persist())
                .replaceWith("operator.created");
    }

    private Uni<String> replaceSecretIfChanged(TrustedApplication app, byte[] hash) {
        Instant now = Instant.now();
        return ClientSecret.<ClientSecret>list("app", app)
                .chain(secrets -> {
                    boolean current = secrets.stream()
                            .anyMatch(stored -> stored.isActive(now) && SecretHasher.matches(hash, stored.hash));
                    if (current) {
                        return Uni.createFrom().nullItem();
                    }
                    return ClientSecret.delete("app", app)
                            .chain(() -> secret(app, hash).persist())
                            .replaceWith("operator.secret_replaced");
                });
    }

    private static ClientSecret secret(TrustedApplication app, byte[] hash) {
        var secret = new ClientSecret();
        secret.id = UUID.randomUUID();
        secret.app = app;
        secret.hash = hash;
        secret.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return secret;
    }
}
