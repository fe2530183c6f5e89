package net.erp.registry.secret;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a new client secret may be given: an expiry. The body may be left out. */
@Schema(name = "NewClientSecretRequest")
public record SecretRequest(
        @Schema(description = "when the secret stops working (ISO-8601, in the future); none: never")
        Instant expiresAt) {
}
