package net.erp.identity.reference;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A reference token as {@code GET .../reference-tokens} lists it: everything but its value. */
@RegisterForReflection
public record ReferenceTokenView(String id, String kind, String clientId, String subject, List<String> scopes,
        String description, Instant createdAt, String createdBy, Instant expiresAt, Instant lastUsedAt) {
}
