package net.erp.registry.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The credentials a client presented at the token endpoint: its secret, or {@code null} for a public app. */
@Schema(name = "AuthenticationRequest")
public record AuthenticationRequest(@Schema(description = "the presented client secret, or null") String secret) {
}
