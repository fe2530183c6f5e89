package net.erp.registry.app;

import static net.erp.registry.rules.Fields.invalid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import net.erp.contract.error.OAuthError;
import net.erp.contract.http.Page;
import net.erp.registry.audit.AuditLog;
import net.erp.registry.change.RegistryChanges;
import net.erp.registry.instance.Instance;
import net.erp.registry.operator.OperatorApp;
import net.erp.registry.scope.ScopeService;
import net.erp.registry.secret.ClientSecret;
import net.erp.registry.store.UniqueViolation;

/**
 * The Trusted Applications of an instance. Every change is committed first, then published to the other
 * services and written to the audit log; disabling or deleting an app also cuts off its access tokens.
 */
@ApplicationScoped
public class AppService {

    private final ScopeService scopes;
    private final RegistryChanges changes;
    private final AuditLog audit;
    private final OperatorApp operator;

    AppService(ScopeService scopes, RegistryChanges changes, AuditLog audit, OperatorApp operator) {
        this.scopes = scopes;
        this.changes = changes;
        this.audit = audit;
        this.operator = operator;
    }

    /** One page of the instance's apps, by client id. */
    public Uni<List<AppRecord>> list(String instanceId, Page page) {
        return Panache.withSession(() -> Instance.require(instanceId)
                .chain(() -> TrustedApplication.<TrustedApplication>find("instanceId", Sort.by("clientId"),
                        instanceId).range(page.first(), page.last()).list()))
                .map(apps -> apps.stream().map(AppRecord::of).toList());
    }

    public Uni<AppRecord> find(String instanceId, String clientId) {
        return Panache.withSession(() -> Instance.require(instanceId)
                .chain(() -> TrustedApplication.require(instanceId, clientId)))
                .map(AppRecord::of);
    }

    public Uni<AppRecord> create(String instanceId, AppRecord request, String actor) {
        AppRecord app = AppRules.check(request, null);
        String clash = "app '" + app.clientId() + "' already exists in instance '" + instanceId + "'";
        return Panache.withTransaction(() -> Instance.require(instanceId)
                .chain(() -> scopes.requireGrantable(instanceId, "scopes", app.scopes()))
                .chain(() -> TrustedApplication.findByClientId(instanceId, app.clientId()))
                .invoke(existing -> {
                    if (existing != null) {
                        throw OAuthError.conflict(clash);
                    }
                })
                .chain(() -> TrustedApplication.of(instanceId, app).persist()))
                .onFailure().transform(UniqueViolation.asConflict(clash))
                .call(() -> changes.appChanged(instanceId, app.clientId()))
                .invoke(() -> audit.app("app.created", instanceId, app.clientId(), actor))
                .replaceWith(app);
    }

    public Uni<AppRecord> update(String instanceId, String clientId, AppRecord request, String actor) {
        refuseOperator(instanceId, clientId);
        AppRecord app = AppRules.check(request, clientId);
        return Panache.withTransaction(() -> Instance.require(instanceId)
                .chain(() -> scopes.requireGrantable(instanceId, "scopes", app.scopes()))
                .chain(() -> TrustedApplication.requireLocked(instanceId, clientId))
                .call(stored -> refusePublicWithSecrets(stored, app))
                .call(stored -> stored.enabled && !app.enabled() ? changes.cutOff(instanceId, clientId)
                        : Uni.createFrom().voidItem())
                .map(stored -> {
                    boolean wasEnabled = stored.enabled;
                    stored.apply(app);
                    return wasEnabled;
                }))
                .call(() -> changes.appChanged(instanceId, clientId))
                .invoke(wasEnabled -> audit.app(wasEnabled && !app.enabled() ? "app.disabled" : "app.updated",
                        instanceId, clientId, actor))
                .replaceWith(app);
    }

    public Uni<Void> delete(String instanceId, String clientId, String actor) {
        refuseOperator(instanceId, clientId);
        return Panache.withTransaction(() -> Instance.require(instanceId)
                .chain(() -> TrustedApplication.require(instanceId, clientId))
                .call(() -> changes.cutOff(instanceId, clientId))
                .call(stored -> stored.delete()))
                .call(() -> changes.appChanged(instanceId, clientId))
                .invoke(() -> audit.app("app.deleted", instanceId, clientId, actor))
                .replaceWithVoid();
    }

    /** Fails when the app is the operator application, which only configuration manages. */
    public void refuseOperator(String instanceId, String clientId) {
        if (operator.isOperator(instanceId, clientId)) {
            throw invalid("clientId", "the operator application is managed by BOOTSTRAP_ADMIN_CLIENT_ID and "
                    + "BOOTSTRAP_ADMIN_CLIENT_SECRET, not through the API");
        }
    }

    /**
     * Counts under the app's row lock, which a new secret takes too: a secret created while the app turns
     * PUBLIC either is counted here or finds the app PUBLIC and is refused.
     */
    private static Uni<Void> refusePublicWithSecrets(TrustedApplication stored, AppRecord app) {
        if (app.clientType() != ClientType.PUBLIC || stored.clientType == ClientType.PUBLIC) {
            return Uni.createFrom().voidItem();
        }
        return ClientSecret.count("app", stored)
                .invoke(count -> {
                    if (count > 0) {
                        throw invalid("clientType", "a PUBLIC app has no secrets; delete the app's " + count
                                + " secrets first");
                    }
                })
                .replaceWithVoid();
    }
}
