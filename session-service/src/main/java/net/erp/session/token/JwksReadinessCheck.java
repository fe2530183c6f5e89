package net.erp.session.token;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while identity-service's JWKS answers: without it no new token can be verified. */
@Readiness
@ApplicationScoped
class JwksReadinessCheck implements AsyncHealthCheck {

    private final SigningKeys keys;

    JwksReadinessCheck(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return keys.reachable().map(up -> HealthCheckResponse.named("identity-service JWKS").status(up).build());
    }
}
