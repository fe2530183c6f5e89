package net.erp.registry.instance;

import static net.erp.registry.rules.Fields.invalid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.contract.http.Page;
import net.erp.registry.app.TrustedApplication;
import net.erp.registry.audit.AuditLog;
import net.erp.registry.change.RegistryChanges;
import net.erp.registry.operator.OperatorApp;
import net.erp.registry.store.SeedLock;
import net.erp.registry.store.UniqueViolation;

/**
 * The instances: each a tenant with hostnames that belong to it alone. Every change is committed first,
 * then published to the other services and written to the audit log.
 */
@ApplicationScoped
public class InstanceService {

    private final RegistryChanges changes;
    private final AuditLog audit;
    private final OperatorApp operator;

    InstanceService(RegistryChanges changes, AuditLog audit, OperatorApp operator) {
        this.changes = changes;
        this.audit = audit;
        this.operator = operator;
    }

    /** One page of the instances, by id. */
    public Uni<List<InstanceRecord>> list(Page page) {
        return Panache.withSession(() -> Instance.<Instance>findAll(Sort.by("id")).range(page.first(), page.last())
                        .list())
                .map(instances -> instances.stream().map(InstanceRecord::of).toList());
    }

    public Uni<InstanceRecord> find(String id) {
        return Panache.withSession(() -> Instance.require(id)).map(InstanceRecord::of);
    }

    /** The instance that lists the hostname of a Host header (port and case ignored), if any. */
    public Uni<Optional<InstanceRecord>> findByHost(String hostHeader) {
        Optional<String> host = Hostnames.ofHostHeader(hostHeader);
        if (host.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> InstanceHost.<InstanceHost>findById(host.get())
                .chain(found -> found == null ? Uni.createFrom().<Instance>nullItem()
                        : Instance.<Instance>findById(found.instanceId)))
                .map(instance -> Optional.ofNullable(instance).map(InstanceRecord::of));
    }

    public Uni<InstanceRecord> create(InstanceRecord request, String actor) {
        InstanceRecord instance = InstanceRules.check(request, null);
        return Panache.withTransaction(() -> Instance.findById(instance.id())
                .invoke(existing -> {
                    if (existing != null) {
                        throw OAuthError.conflict("instance '" + instance.id() + "' already exists");
                    }
                })
                .call(() -> requireFreeHostnames(instance))
                .call(() -> store(new Instance(), instance)))
                .onFailure().transform(UniqueViolation.asConflict("instance '" + instance.id()
                        + "' or one of its hostnames already exists"))
                .call(() -> changes.instanceChanged(instance.id()))
                .invoke(() -> audit.instance("instance.created", instance.id(), actor))
                .replaceWith(instance);
    }

    public Uni<InstanceRecord> update(String id, InstanceRecord request, String actor) {
        InstanceRecord instance = InstanceRules.check(request, id);
        return Panache.withTransaction(() -> Instance.require(id)
                .call(() -> requireFreeHostnames(instance))
                .call(() -> InstanceHost.delete("instanceId", id))
                .call(stored -> store(stored, instance)))
                .onFailure().transform(UniqueViolation.asConflict("a hostname of instance '" + id
                        + "' belongs to another instance"))
                .call(() -> changes.instanceChanged(id))
                .invoke(() -> audit.instance("instance.updated", id, actor))
                .replaceWith(instance);
    }

    /** Deletes the instance with its apps, scopes and secrets, and cuts off every app's access tokens. */
    public Uni<Void> delete(String id, String actor) {
        if (id.equals(operator.defaultInstanceId())) {
            throw invalid("instanceId", "the default instance holds the operator application and stays");
        }
        return Panache.withTransaction(() -> Instance.require(id)
                .chain(instance -> TrustedApplication.find("select clientId from TrustedApplication "
                        + "where instanceId = ?1", id).project(String.class).list()
                        .call(clientIds -> cutOff(id, clientIds))
                        .call(() -> instance.delete())))
                .call(clientIds -> Multi.createFrom().iterable(clientIds)
                        .onItem().transformToUniAndConcatenate(clientId -> changes.appChanged(id, clientId))
                        .collect().last())
                .call(() -> changes.instanceChanged(id))
                .invoke(() -> audit.instance("instance.deleted", id, actor))
                .replaceWithVoid();
    }

    /**
     * Creates the instance unless it exists; an existing one is never overwritten. For start-up: replicas
     * starting together check and insert one after the other ({@link SeedLock}).
     */
    public Uni<Boolean> createIfMissing(InstanceRecord request) {
        InstanceRecord instance = InstanceRules.check(request, null);
        return Panache.withTransaction(() -> SeedLock.take()
                .chain(() -> Instance.<Instance>findById(instance.id()))
                .chain(existing -> existing != null ? Uni.createFrom().item(false)
                        : requireFreeHostnames(instance)
                                .chain(() -> store(new Instance(), instance))
                                .replaceWith(true)))
                .call(created -> created ? changes.instanceChanged(instance.id()) : Uni.createFrom().voidItem())
                .invoke(created -> {
                    if (created) {
                        audit.instance("instance.created", instance.id(), AuditLog.SYSTEM);
                    }
                });
    }

    private Uni<Void> cutOff(String instanceId, List<String> clientIds) {
        return Multi.createFrom().iterable(clientIds)
                .onItem().transformToUniAndConcatenate(clientId -> changes.cutOff(instanceId, clientId))
                .collect().last()
                .replaceWithVoid();
    }

    private static Uni<Void> requireFreeHostnames(InstanceRecord instance) {
        return InstanceHost.<InstanceHost>list("host in ?1 and instanceId <> ?2", instance.hostnames(), instance.id())
                .invoke(taken -> {
                    if (!taken.isEmpty()) {
                        throw OAuthError.conflict("hostname '" + taken.get(0).host + "' belongs to another instance");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> store(Instance stored, InstanceRecord instance) {
        stored.id = instance.id();
        stored.displayName = instance.displayName();
        stored.hostnames = instance.hostnames().toArray(String[]::new);
        stored.licenseLimit = instance.licenseLimit();
        stored.reservedAccounts = instance.reservedAccounts().toArray(String[]::new);
        stored.sandbox = instance.sandbox();
        List<InstanceHost> hosts = instance.hostnames().stream().map(host -> new InstanceHost(host, instance.id()))
                .toList();
        return stored.persist().chain(() -> InstanceHost.persist(hosts));
    }
}
