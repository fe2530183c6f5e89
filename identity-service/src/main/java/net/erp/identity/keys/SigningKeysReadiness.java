package net.erp.identity.keys;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a signing key is loaded: without one no token can be issued. */
@Readiness
@ApplicationScoped
class SigningKeysReadiness implements HealthCheck {

    private final SigningKeys keys;

    SigningKeysReadiness(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signing-keys")
                .status(keys.signingKey(Instant.now()).isPresent())
                .build();
    }
}
