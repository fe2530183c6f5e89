package net.erp.registry.instance;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An instance as the REST APIs read and write it. In a request {@code sandbox} and {@code reservedAccounts}
 * may be left out; {@code id} may be left out of a {@code PUT}, where the path names the instance.
 */
@Schema(name = "Instance", description = "An ERP tenant instance")
public record InstanceRecord(
        @Schema(description = "slug chosen at creation, never changed", examples = "acme",
                pattern = "^[a-z0-9][a-z0-9-]{0,62}$") String id,
        @Schema(description = "name shown to people", examples = "ACME Corp.") String displayName,
        @Schema(description = "DNS names or IP literals the instance answers on, lower case, no port; each "
                + "belongs to one instance only", examples = "[\"acme.my.erp.net\"]") List<String> hostnames,
        @Schema(description = "licences the instance may use at once", minimum = "1") Integer licenseLimit,
        @Schema(description = "account names that always get a session; at most licenseLimit of them")
        List<String> reservedAccounts,
        @Schema(description = "a sandbox instance", defaultValue = "false") Boolean sandbox) {

    /** The record of a stored instance. */
    public static InstanceRecord of(Instance instance) {
        return new InstanceRecord(instance.id, instance.displayName, List.of(instance.hostnames),
                instance.licenseLimit, List.of(instance.reservedAccounts), instance.sandbox);
    }
}
