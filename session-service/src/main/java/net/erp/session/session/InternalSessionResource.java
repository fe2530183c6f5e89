package net.erp.session.session;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.erp.session.api.SessionApi;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Closes sessions for identity-service: by {@code sid} on logout, by {@code subject} on a password change
 * or a user's deletion. InternalCallFilter (service-contract) admits only calls with the internal secret.
 */
@SecurityRequirement(name = SessionApi.INTERNAL_SECRET)
@Path("/internal/instances/{instanceId}/sessions/close")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InternalSessionResource {

    private final Sessions sessions;

    InternalSessionResource(Sessions sessions) {
        this.sessions = sessions;
    }

    @POST
    public Uni<CloseResult> close(@PathParam("instanceId") String instanceId, CloseRequest request) {
        return sessions.closeFor(instanceId, request);
    }
}
