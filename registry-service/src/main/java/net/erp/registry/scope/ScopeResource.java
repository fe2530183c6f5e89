package net.erp.registry.scope;

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
import java.util.List;
import net.erp.registry.api.ErrorBody;
import net.erp.registry.api.RegistryApi;
import net.erp.registry.operator.AdminCaller;
import net.erp.registry.rules.PageQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The admin API of an instance's scopes. */
@Path("/api/instances/{instanceId}/scopes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "scopes")
@SecurityRequirement(name = RegistryApi.ADMIN_TOKEN)
@APIResponse(responseCode = "401", description = "no token, or an invalid, expired or revoked one",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "403", description = "the token lacks the scope admin",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "404", description = "unknown_instance, or unknown_scope for one scope",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class ScopeResource {

    private final ScopeService scopes;
    private final AdminCaller caller;

    ScopeResource(ScopeService scopes, AdminCaller caller) {
        this.scopes = scopes;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the instance's scopes: the built-in ones, then its own",
            description = "One page: first and max.")
    @APIResponse(responseCode = "200", description = "the scopes of the page")
    @APIResponse(responseCode = "400", description = "first or max out of range; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<List<ScopeRecord>> list(@PathParam("instanceId") String instanceId, @BeanParam PageQuery query) {
        return scopes.list(instanceId, query.page());
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Define a scope in the instance", description = "admin and sec are reserved.")
    @APIResponse(responseCode = "201", description = "defined",
            content = @Content(schema = @Schema(implementation = ScopeRecord.class)))
    @APIResponse(responseCode = "400", description = "a field breaks a rule; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "the scope exists",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ScopeRecord> create(@PathParam("instanceId") String instanceId, ScopeRecord request) {
        return scopes.create(instanceId, request, caller.subject());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Read a scope of the instance, built in or its own")
    @APIResponse(responseCode = "200", description = "the scope")
    public Uni<ScopeRecord> find(@PathParam("instanceId") String instanceId, @PathParam("name") String name) {
        return scopes.find(instanceId, name);
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Replace one of the instance's own scopes",
            description = "The description is replaced; the name stays. Built-in scopes cannot be changed.")
    @APIResponse(responseCode = "200", description = "the scope as stored")
    @APIResponse(responseCode = "400", description = "a built-in or reserved scope, or a field breaks a rule",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<ScopeRecord> update(@PathParam("instanceId") String instanceId, @PathParam("name") String name,
            ScopeRecord request) {
        return scopes.update(instanceId, name, request, caller.subject());
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete one of the instance's own scopes",
            description = "Refused while an app may be granted it; built-in scopes cannot be deleted.")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "400", description = "a built-in or reserved scope",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "apps may be granted the scope; the description names them",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Void> delete(@PathParam("instanceId") String instanceId, @PathParam("name") String name) {
        return scopes.delete(instanceId, name, caller.subject());
    }
}
