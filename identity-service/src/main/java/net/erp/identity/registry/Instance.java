package net.erp.identity.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** An ERP tenant as registry-service describes it (docs/service-contract.md, "Internal calls"). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Instance(String id, String displayName, List<String> hostnames, int licenseLimit,
        List<String> reservedAccounts, boolean sandbox) {
}
