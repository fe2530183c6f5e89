package net.erp.identity.client;

import net.erp.identity.registry.TrustedApplication;

/**
 * A client that proved who it is.
 *
 * @param app the Trusted Application
 * @param instanceId the instance the app belongs to
 * @param operator whether it is the platform operator's app (scope {@code admin} in the default instance)
 */
public record AuthenticatedClient(TrustedApplication app, String instanceId, boolean operator) {

    public String clientId() {
        return app.clientId();
    }
}
