package net.erp.registry.secret;

import static net.erp.registry.rules.Fields.invalid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.erp.contract.error.OAuthError;
import net.erp.registry.app.AppService;
import net.erp.registry.app.ClientType;
import net.erp.registry.app.TrustedApplication;
import net.erp.registry.audit.AuditLog;
import net.erp.registry.change.RegistryChanges;
import net.erp.registry.instance.Instance;

/**
 * The client secrets of confidential apps. Several may be active at once, so that an app can be given a
 * new secret before its old one is deleted (rotation). The value is returned once and stored only hashed.
 */
@ApplicationScoped
public class SecretService {

    /** Enough for rotation with overlap; a bound keeps the hot-path query small. */
    static final int MAX_SECRETS = 10;

    private final SecretHasher hasher;
    private final AppService apps;
    private final RegistryChanges changes;
    private final AuditLog audit;

    SecretService(SecretHasher hasher, AppService apps, RegistryChanges changes, AuditLog audit) {
        this.hasher = hasher;
        this.apps = apps;
        this.changes = changes;
        this.audit = audit;
    }

    public Uni<NewSecret> create(String instanceId, String clientId, SecretRequest request, String actor) {
        apps.refuseOperator(instanceId, clientId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = expiry(request, now);
        String value = hasher.generate();
        return Panache.withTransaction(() -> Instance.require(instanceId)
                .chain(() -> TrustedApplication.requireLocked(instanceId, clientId))
                .call(SecretService::requireRoom)
                .chain(app -> stored(app, value, now, expiresAt).persist()))
                .map(secret -> new NewSecret(((ClientSecret) secret).id, value, now, expiresAt))
                .call(() -> changes.appChanged(instanceId, clientId))
                .invoke(secret -> audit.secret("secret.created", instanceId, clientId, secret.id().toString(),
                        actor));
    }

    public Uni<List<SecretInfo>> list(String instanceId, String clientId) {
        Instant now = Instant.now();
        return Panache.withSession(() -> requireApp(instanceId, clientId)
                .chain(app -> ClientSecret.<ClientSecret>list("app", Sort.by("createdAt"), app)))
                .map(secrets -> secrets.stream().map(secret -> SecretInfo.of(secret, now)).toList());
    }

    /** Deletes a secret: it stops authenticating at once here, and within 5 seconds in every cache. */
    public Uni<Void> delete(String instanceId, String clientId, String secretId, String actor) {
        UUID id = secretId(secretId);
        return Panache.withTransaction(() -> requireApp(instanceId, clientId)
                .chain(app -> ClientSecret.delete("id = ?1 and app = ?2", id, app))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw unknownSecret();
                    }
                }))
                .call(() -> changes.appChanged(instanceId, clientId))
                .invoke(() -> audit.secret("secret.deleted", instanceId, clientId, secretId, actor))
                .replaceWithVoid();
    }

    private static Uni<TrustedApplication> requireApp(String instanceId, String clientId) {
        return Instance.require(instanceId).chain(() -> TrustedApplication.require(instanceId, clientId));
    }

    /** Counts under the app's row lock, so that concurrent creates cannot pass the bound together. */
    private static Uni<Void> requireRoom(TrustedApplication app) {
        if (app.clientType == ClientType.PUBLIC) {
            return Uni.createFrom().failure(invalid("clientType", "a PUBLIC app has no secrets"));
        }
        return ClientSecret.count("app", app)
                .invoke(count -> {
                    if (count >= MAX_SECRETS) {
                        throw invalid("secrets", "an app holds at most " + MAX_SECRETS
                                + " secrets; delete one first");
                    }
                })
                .replaceWithVoid();
    }

    private static Instant expiry(SecretRequest request, Instant now) {
        if (request == null || request.expiresAt() == null) {
            return null;
        }
        if (!request.expiresAt().isAfter(now)) {
            throw invalid("expiresAt", "must be in the future");
        }
        return request.expiresAt().truncatedTo(ChronoUnit.MICROS);
    }

    private ClientSecret stored(TrustedApplication app, String value, Instant now, Instant expiresAt) {
        var secret = new ClientSecret();
        secret.id = UUID.randomUUID();
        secret.app = app;
        secret.hash = hasher.hash(value);
        secret.createdAt = now;
        secret.expiresAt = expiresAt;
        return secret;
    }

    private static UUID secretId(String secretId) {
        try {
            return UUID.fromString(secretId);
        } catch (IllegalArgumentException e) {
            throw unknownSecret();
        }
    }

    private static OAuthError unknownSecret() {
        return OAuthError.notFound("unknown_secret", "no such secret of this app");
    }
}
