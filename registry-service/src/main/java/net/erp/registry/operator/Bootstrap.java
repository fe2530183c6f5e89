package net.erp.registry.operator;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.erp.registry.instance.InstanceRecord;
import net.erp.registry.instance.InstanceService;
import net.erp.registry.secret.SecretHasher;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Start-up: refuses to start without the settings production needs, then seeds the default instance (when
 * missing; never overwritten) and the operator application (created, or its secret replaced when the
 * configured one differs).
 */
@Singleton
class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final InstanceService instances;
    private final OperatorBootstrap operator;

    Bootstrap(InstanceService instances, OperatorBootstrap operator) {
        this.instances = instances;
        this.operator = operator;
    }

    void start(@Observes StartupEvent event, SecretHasher hasher, OperatorApp operatorApp,
            @ConfigProperty(name = "registry.operator.client-secret") Optional<String> operatorSecret,
            @ConfigProperty(name = "registry.default-instance.hosts") List<String> hosts,
            @ConfigProperty(name = "registry.default-instance.license-limit") int licenseLimit) throws Throwable {
        requireSettings(hasher, operatorApp, operatorSecret);
        String instanceId = operatorApp.defaultInstanceId();
        var instance = new InstanceRecord(instanceId, instanceId, new ArrayList<>(hosts), licenseLimit, List.of(),
                false);
        VertxContextSupport.subscribeAndAwait(() -> seed(instance, operatorApp.clientId().orElseThrow(),
                operatorSecret.orElseThrow()));
    }

    /**
     * Seeds the instance (when missing) and then the operator application in it. Replicas that start together
     * on an empty database both succeed: each step takes {@link net.erp.registry.store.SeedLock} first.
     */
    Uni<Void> seed(InstanceRecord instance, String clientId, String secret) {
        return instances.createIfMissing(instance)
                .invoke(created -> LOG.infof("default instance %s %s", instance.id(), created ? "created" : "present"))
                .chain(() -> operator.ensure(instance.id(), clientId, secret))
                .replaceWithVoid();
    }

    static void requireSettings(SecretHasher hasher, OperatorApp operatorApp, Optional<String> secret) {
        var missing = new ArrayList<String>();
        if (operatorApp.clientId().isEmpty() || secret.filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("BOOTSTRAP_ADMIN_CLIENT_ID and BOOTSTRAP_ADMIN_CLIENT_SECRET (the operator application)");
        }
        if (!hasher.isConfigured()) {
            missing.add("CLIENT_SECRET_PEPPER (the key client secrets are hashed with)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("registry-service needs " + String.join(" and ", missing)
                    + "; set them in the environment");
        }
    }
}
