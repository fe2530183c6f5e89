package net.erp.registry.secret;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client secret as listed: never its value. */
@Schema(name = "ClientSecret")
public record SecretInfo(UUID id, Instant createdAt,
        @Schema(description = "null when it never expires") Instant expiresAt,
        @Schema(description = "false once it has expired") boolean active) {

    static SecretInfo of(ClientSecret secret, Instant now) {
        return new SecretInfo(secret.id, secret.createdAt, secret.expiresAt, secret.isActive(now));
    }
}
