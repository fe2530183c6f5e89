package net.erp.identity.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.registry.TrustedApplication;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates clients against the registry (RFC 6749 section 2.3). Every failure, whatever its cause
 * (unknown app, wrong, expired or deleted secret, a secret from a public app, a disabled app), is the same
 * 401 {@code invalid_client}, so that a caller learns nothing about which apps exist.
 */
@ApplicationScoped
public class ClientAuthenticator {

    private final RegistryLookup registry;
    private final String defaultInstance;

    ClientAuthenticator(RegistryLookup registry,
            @ConfigProperty(name = "identity.default-instance") String defaultInstance) {
        this.registry = registry;
        this.defaultInstance = defaultInstance;
    }

    /** The app of {@code instanceId} the credentials authenticate. */
    public Uni<AuthenticatedClient> authenticate(String instanceId, ClientCredentials credentials) {
        return lookup(instanceId, credentials)
                .map(found -> found.orElseThrow(() -> refused(credentials)));
    }

    /**
     * The app of {@code instanceId}, or else the operator's app: the app of the default instance that holds
     * {@code admin}, which counts as a client of every instance (SPEC "Operator access").
     */
    public Uni<AuthenticatedClient> authenticateOrOperator(String instanceId, ClientCredentials credentials) {
        return lookup(instanceId, credentials).flatMap(found -> {
            if (found.isPresent() || instanceId.equals(defaultInstance)) {
                return Uni.createFrom().item(found);
            }
            return lookup(defaultInstance, credentials).map(operator -> operator.filter(AuthenticatedClient::operator));
        }).map(found -> found.orElseThrow(() -> refused(credentials)));
    }

    private Uni<Optional<AuthenticatedClient>> lookup(String instanceId, ClientCredentials credentials) {
        return registry.authenticate(instanceId, credentials.clientId(), credentials.secret())
                .map(found -> found.map(app -> new AuthenticatedClient(app, instanceId, isOperator(instanceId, app))));
    }

    private boolean isOperator(String instanceId, TrustedApplication app) {
        return instanceId.equals(defaultInstance) && app.holdsAdmin();
    }

    private static OAuthError refused(ClientCredentials credentials) {
        return OAuthError.invalidClient("client authentication failed", credentials.basic());
    }
}
