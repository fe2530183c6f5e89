package net.erp.session.session;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import net.erp.session.api.SessionApi;
import net.erp.session.token.BearerTokens;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Opening, touching and closing the licence-slot session of a token (SPEC "Sessions and licences"). */
@SecurityRequirement(name = SessionApi.BEARER)
@SecurityRequirement(name = SessionApi.X_API_KEY)
@SecurityRequirement(name = SessionApi.API_KEY)
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final BearerTokens tokens;
    private final Sessions sessions;

    SessionResource(BearerTokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** Opens the token's session, or counts the call as activity of the open one. */
    @POST
    public Uni<SessionGrant> open(@Context HttpHeaders headers) {
        return tokens.verify(headers).flatMap(sessions::open);
    }

    /**
     * Closes a session at once. Its own token closes it; the operator closes a session of any instance,
     * named by {@code instanceId} (the operator's own instance when left out). Answers 204.
     */
    @DELETE
    @Path("/{sessionId}")
    public Uni<Void> close(@Context HttpHeaders headers,
            @PathParam("sessionId") String sessionId, @QueryParam("instanceId") String instanceId) {
        return tokens.verify(headers).flatMap(token -> sessions.close(token,
                instanceId == null || instanceId.isBlank() ? token.instanceId() : instanceId, sessionId));
    }
}
