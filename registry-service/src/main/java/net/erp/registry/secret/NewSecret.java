package net.erp.registry.secret;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client secret just created: the only answer that ever carries its value. */
@Schema(name = "NewClientSecret")
public record NewSecret(
        @Schema(description = "the secret's id, for listing and deleting it") UUID id,
        @Schema(description = "the secret, shown this once: store it now") String secret,
        Instant createdAt,
        @Schema(description = "null when it never expires") Instant expiresAt) {
}
