package net.erp.registry.operator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the operator application lives: the app {@code BOOTSTRAP_ADMIN_CLIENT_ID} of the default instance.
 * It is managed by configuration only, so the admin API can neither change, delete nor lock it out.
 */
@ApplicationScoped
public class OperatorApp {

    private final String defaultInstanceId;
    private final Optional<String> clientId;

    OperatorApp(@ConfigProperty(name = "registry.default-instance.id") String defaultInstanceId,
            @ConfigProperty(name = "registry.operator.client-id") Optional<String> clientId) {
        this.defaultInstanceId = defaultInstanceId;
        this.clientId = clientId.filter(value -> !value.isBlank());
    }

    /** The instance seeded at start-up, which holds the operator application. */
    public String defaultInstanceId() {
        return defaultInstanceId;
    }

    /** The operator's client id, when configured. */
    public Optional<String> clientId() {
        return clientId;
    }

    /** Whether the app is the operator application. */
    public boolean isOperator(String instanceId, String appClientId) {
        return defaultInstanceId.equals(instanceId) && clientId.filter(appClientId::equals).isPresent();
    }
}
