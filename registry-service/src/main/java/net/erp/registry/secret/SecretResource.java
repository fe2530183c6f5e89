package net.erp.registry.secret;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import net.erp.registry.api.ErrorBody;
import net.erp.registry.api.RegistryApi;
import net.erp.registry.operator.AdminCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The admin API of client secrets: create (shown once), list (never the values), delete (revoke). */
@Path("/api/instances/{instanceId}/apps/{clientId}/secrets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "secrets")
@SecurityRequirement(name = RegistryApi.ADMIN_TOKEN)
@APIResponse(responseCode = "401", description = "no token, or an invalid, expired or revoked one",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "403", description = "the token lacks the scope admin",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "404", description = "unknown_instance, unknown_client or unknown_secret",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class SecretResource {

    private final SecretService secrets;
    private final AdminCaller caller;

    SecretResource(SecretService secrets, AdminCaller caller) {
        this.secrets = secrets;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a client secret",
            description = "Generated here with 256 bits of randomness and returned this once; stored only as a "
                    + "keyed hash. The app's other secrets keep working until deleted or expired (rotation).")
    @APIResponse(responseCode = "201", description = "the secret, shown once",
            content = @Content(schema = @Schema(implementation = NewSecret.class)))
    @APIResponse(responseCode = "400", description = "a PUBLIC app, an expiry in the past, or too many secrets",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<NewSecret> create(@PathParam("instanceId") String instanceId,
            @PathParam("clientId") String clientId, SecretRequest request) {
        return secrets.create(instanceId, clientId, request, caller.subject());
    }

    @GET
    @Operation(summary = "List an app's client secrets, without their values")
    @APIResponse(responseCode = "200", description = "the secrets, oldest first")
    public Uni<List<SecretInfo>> list(@PathParam("instanceId") String instanceId,
            @PathParam("clientId") String clientId) {
        return secrets.list(instanceId, clientId);
    }

    @DELETE
    @Path("/{secretId}")
    @Operation(summary = "Delete a client secret", description = "It stops working at once.")
    @APIResponse(responseCode = "204", description = "deleted")
    public Uni<Void> delete(@PathParam("instanceId") String instanceId, @PathParam("clientId") String clientId,
            @PathParam("secretId") String secretId) {
        return secrets.delete(instanceId, clientId, secretId, caller.subject());
    }
}
