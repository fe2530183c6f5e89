package net.erp.identity.token;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import net.erp.contract.error.OAuthError;

/**
 * The token endpoint's meters: {@code tokens.issued} by grant type and instance, {@code token.errors} by
 * error code, and the {@code token.requests} latency histogram by outcome.
 */
@ApplicationScoped
class TokenMetrics {

    private final MeterRegistry registry;

    TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void issued(Timer.Sample sample, String grantType, String instanceId) {
        registry.counter("tokens.issued", "grant_type", grantType, "instance", instanceId).increment();
        stop(sample, "issued");
    }

    void refused(Timer.Sample sample, Throwable failure) {
        String error = failure instanceof OAuthError oauth ? oauth.error() : "server_error";
        registry.counter("token.errors", "error", error).increment();
        stop(sample, "refused");
    }

    private void stop(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("token.requests")
                .description("Latency of the token endpoint")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry));
    }
}
