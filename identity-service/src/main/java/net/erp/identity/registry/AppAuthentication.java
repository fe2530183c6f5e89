package net.erp.identity.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** registry-service's answer to "does this secret authenticate this app" (docs/service-contract.md). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppAuthentication(TrustedApplication app, boolean authenticated, Instant secretExpiresAt) {
}
