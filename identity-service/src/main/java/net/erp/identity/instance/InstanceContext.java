package net.erp.identity.instance;

import net.erp.contract.InstanceAudience;
import net.erp.identity.registry.Instance;

/**
 * The instance a request to {@code /id/...} was addressed to, and the issuer of that host: its scheme and
 * host with the port kept, then {@code /id} (SPEC "Instances").
 */
public record InstanceContext(Instance instance, String issuer) {

    public String instanceId() {
        return instance.id();
    }

    /** The {@code aud} of every access token of the instance (RFC 9068 section 3). */
    public String audience() {
        return InstanceAudience.of(instance.id());
    }

    /** An endpoint of this issuer, e.g. {@code endpoint("/connect/token")}. */
    public String endpoint(String path) {
        return issuer + path;
    }
}
