package net.erp.session.session;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import net.erp.session.api.SessionApi;
import net.erp.session.token.BearerTokens;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The admin view of an instance's licences and open sessions. */
@SecurityRequirement(name = SessionApi.BEARER)
@SecurityRequirement(name = SessionApi.X_API_KEY)
@SecurityRequirement(name = SessionApi.API_KEY)
@Path("/api/instances/{instanceId}/licenses")
@Produces(MediaType.APPLICATION_JSON)
public class LicenseResource {

    private final BearerTokens tokens;
    private final Sessions sessions;

    LicenseResource(BearerTokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** Needs a token with the scope {@code admin}. */
    @GET
    public Uni<LicenseReport> report(@Context HttpHeaders headers,
            @PathParam("instanceId") String instanceId) {
        return tokens.verify(headers).flatMap(token -> sessions.report(token, instanceId));
    }
}
