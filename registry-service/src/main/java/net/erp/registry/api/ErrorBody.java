package net.erp.registry.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every refusal (RFC 6749 section 5.2), for the OpenAPI description. */
@Schema(name = "Error", description = "A refusal: an error code and a description naming the field or rule")
public record ErrorBody(
        @Schema(examples = "invalid_request") String error,
        @JsonProperty("error_description") @Schema(examples = "licenseLimit: must be a positive integer")
        String errorDescription) {
}
