package net.erp.registry.internal;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.erp.registry.api.ErrorBody;
import net.erp.registry.api.RegistryApi;
import net.erp.registry.app.AppRecord;
import net.erp.registry.app.AppService;
import net.erp.registry.app.TrustedApplication;
import net.erp.registry.instance.Instance;
import net.erp.registry.instance.InstanceRecord;
import net.erp.registry.instance.InstanceService;
import net.erp.registry.secret.ClientAuthentication;
import net.erp.registry.secret.ClientAuthentication.Outcome;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the other services ask the registry (docs/service-contract.md): the instance of a host, an
 * instance, an app, and whether a client's credentials are good. InternalCallFilter (service-contract)
 * admits only callers with the platform's internal secret.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "internal")
@SecurityRequirement(name = RegistryApi.INTERNAL_SECRET)
@APIResponse(responseCode = "401", description = "invalid_client: no or a wrong X-Internal-Secret",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class InternalResource {

    private final InstanceService instances;
    private final AppService apps;
    private final ClientAuthentication authentication;

    InternalResource(InstanceService instances, AppService apps, ClientAuthentication authentication) {
        this.instances = instances;
        this.apps = apps;
        this.authentication = authentication;
    }

    @GET
    @Path("/hosts/{host}")
    @Operation(summary = "The instance a host belongs to", description = "Case and port are ignored.")
    @APIResponse(responseCode = "200", description = "the instance",
            content = @Content(schema = @Schema(implementation = InstanceRecord.class)))
    @APIResponse(responseCode = "404", description = "unknown_instance",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<InstanceRecord> host(@PathParam("host") String host) {
        return instances.findByHost(host)
                .map(found -> found.orElseThrow(() -> Instance.unknown(host)));
    }

    @GET
    @Path("/instances/{instanceId}")
    @Operation(summary = "An instance")
    @APIResponse(responseCode = "200", description = "the instance")
    @APIResponse(responseCode = "404", description = "unknown_instance",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<InstanceRecord> instance(@PathParam("instanceId") String instanceId) {
        return instances.find(instanceId);
    }

    @GET
    @Path("/instances/{instanceId}/apps/{clientId}")
    @Operation(summary = "A Trusted Application, without secrets")
    @APIResponse(responseCode = "200", description = "the app")
    @APIResponse(responseCode = "404", description = "unknown_instance or unknown_client",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<AppRecord> app(@PathParam("instanceId") String instanceId,
            @PathParam("clientId") String clientId) {
        return apps.find(instanceId, clientId);
    }

    @POST
    @Path("/instances/{instanceId}/apps/{clientId}/authenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a client's credentials",
            description = "authenticated is true only when the app is enabled and the secret matches one of its "
                    + "unexpired secrets (a public app authenticates with null). secretExpiresAt is the expiry "
                    + "of the matching secret: a cache must not keep a success past it.")
    @APIResponse(responseCode = "200", description = "the outcome",
            content = @Content(schema = @Schema(implementation = Outcome.class)))
    @APIResponse(responseCode = "404", description = "unknown_client",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Outcome> authenticate(@PathParam("instanceId") String instanceId,
            @PathParam("clientId") String clientId, AuthenticationRequest request) {
        String secret = request == null ? null : request.secret();
        return authentication.authenticate(instanceId, clientId, secret)
                .onItem().ifNull().failWith(() -> TrustedApplication.unknown(clientId));
    }
}
