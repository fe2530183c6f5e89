package net.erp.registry.scope;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scope as the REST API reads and writes it. */
@Schema(name = "Scope", description = "A scope apps of the instance may be granted")
public record ScopeRecord(
        @Schema(description = "the scope token of RFC 6749 section 3.3", examples = "invoices.read") String name,
        @Schema(description = "what the scope allows, for administrators") String description) {
}
