package net.erp.identity.reference;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import net.erp.contract.error.OAuthError;

/**
 * Introspection of reference tokens for session-service (docs/service-contract.md, "Internal calls"), guarded
 * by the internal secret. Same activity rules as {@code /id/connect/introspect}; the instance is the token's.
 */
@Path("/internal/reference-tokens/introspect")
public class InternalReferenceTokenResource {

    /** The body of the call. Its {@code toString} leaves the token out. */
    @RegisterForReflection
    public record Question(String token) {

        @Override
        public String toString() {
            return "Question[]";
        }
    }

    private final ReferenceTokens tokens;

    InternalReferenceTokenResource(ReferenceTokens tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> introspect(Question question) {
        if (question == null || question.token() == null || question.token().isBlank()) {
            return Uni.createFrom().failure(OAuthError.invalidRequest("token is required"));
        }
        return tokens.active(question.token())
                .map(found -> found.map(InternalReferenceTokenResource::answer).orElse(Map.of("active", false)));
    }

    private static Map<String, Object> answer(ReferenceToken token) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("active", true);
        answer.put("instanceId", token.instanceId());
        answer.put("id", token.id());
        answer.put("kind", token.kind().name());
        answer.put("subject", token.subject());
        answer.put("username", token.username());
        answer.put("clientId", token.clientId());
        answer.put("scopes", token.scopes());
        answer.put("issuedAt", token.createdAt().getEpochSecond());
        answer.put("expiresAt", token.expiresAt().getEpochSecond());
        return answer;
    }
}
