package net.erp.registry.app;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import net.erp.registry.api.ErrorBody;
import net.erp.registry.api.RegistryApi;
import net.erp.registry.operator.AdminCaller;
import net.erp.registry.rules.PageQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The admin API of Trusted Applications. The client id travels URL-encoded: {@code com.vendor%2Fapp}. */
@Path("/api/instances/{instanceId}/apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "apps")
@SecurityRequirement(name = RegistryApi.ADMIN_TOKEN)
@APIResponse(responseCode = "401", description = "no token, or an invalid, expired or revoked one",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "403", description = "the token lacks the scope admin",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "404", description = "unknown_instance, or unknown_client for one app",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class AppResource {

    private final AppService apps;
    private final AdminCaller caller;

    AppResource(AppService apps, AdminCaller caller) {
        this.apps = apps;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the instance's Trusted Applications", description = "One page, by client id: "
            + "first and max.")
    @APIResponse(responseCode = "200", description = "the apps of the page, by client id")
    @APIResponse(responseCode = "400", description = "first or max out of range; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<List<AppRecord>> list(@PathParam("instanceId") String instanceId, @BeanParam PageQuery query) {
        return apps.list(instanceId, query.page());
    }

    @POST
    @Operation(summary = "Register a Trusted Application")
    @APIResponse(responseCode = "201", description = "registered",
            content = @Content(schema = @Schema(implementation = AppRecord.class)))
    @APIResponse(responseCode = "400", description = "a field breaks a rule; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "the client id is taken in the instance",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<AppRecord>> create(@PathParam("instanceId") String instanceId, AppRecord request,
            UriInfo uri) {
        return apps.create(instanceId, request, caller.subject())
                .map(created -> RestResponse.ResponseBuilder.<AppRecord>created(uri.getAbsolutePathBuilder()
                        .segment(created.clientId()).build()).entity(created).build());
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "Read a Trusted Application")
    @APIResponse(responseCode = "200", description = "the app")
    public Uni<AppRecord> find(@PathParam("instanceId") String instanceId,
            @Parameter(description = "URL-encoded client id") @PathParam("clientId") String clientId) {
        return apps.find(instanceId, clientId);
    }

    @PUT
    @Path("/{clientId}")
    @Operation(summary = "Replace a Trusted Application",
            description = "Every field is replaced; the client id stays. Disabling cuts off its access tokens.")
    @APIResponse(responseCode = "200", description = "the app as stored")
    @APIResponse(responseCode = "400", description = "a field breaks a rule; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<AppRecord> update(@PathParam("instanceId") String instanceId,
            @Parameter(description = "URL-encoded client id") @PathParam("clientId") String clientId,
            AppRecord request) {
        return apps.update(instanceId, clientId, request, caller.subject());
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Delete a Trusted Application",
            description = "Deletes its secrets and cuts off its access tokens.")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "400", description = "the operator application cannot be deleted",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Void> delete(@PathParam("instanceId") String instanceId,
            @Parameter(description = "URL-encoded client id") @PathParam("clientId") String clientId) {
        return apps.delete(instanceId, clientId, caller.subject());
    }
}
