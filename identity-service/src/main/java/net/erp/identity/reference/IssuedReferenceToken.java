package net.erp.identity.reference;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code POST .../reference-tokens}: the only place the token value ever appears. Its
 * {@code toString} leaves the value out.
 */
@RegisterForReflection
public record IssuedReferenceToken(String id, String token, String kind, String clientId, String subject,
        List<String> scopes, Instant expiresAt, String description, Instant createdAt, String createdBy) {

    @Override
    public String toString() {
        return "IssuedReferenceToken[id=" + id + ", kind=" + kind + ", clientId=" + clientId + "]";
    }

    static IssuedReferenceToken of(ReferenceToken token, String value) {
        return new IssuedReferenceToken(token.id(), value, token.kind().name(), token.clientId(), token.subject(),
                token.scopes(), token.expiresAt(), token.description(), token.createdAt(), token.createdBy());
    }
}
