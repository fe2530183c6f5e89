package net.erp.registry.instance;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The admin API of instances. */
@Path("/api/instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "instances")
@SecurityRequirement(name = RegistryApi.ADMIN_TOKEN)
@APIResponse(responseCode = "401", description = "no token, or an invalid, expired or revoked one",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "403", description = "the token lacks the scope admin",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class InstanceResource {

    private final InstanceService instances;
    private final AdminCaller caller;

    InstanceResource(InstanceService instances, AdminCaller caller) {
        this.instances = instances;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the instances", description = "One page, by id: first and max.")
    @APIResponse(responseCode = "200", description = "the instances of the page, by id")
    @APIResponse(responseCode = "400", description = "first or max out of range; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<List<InstanceRecord>> list(@BeanParam PageQuery query) {
        return instances.list(query.page());
    }

    @POST
    @Operation(summary = "Create an instance", description = "Its hostnames must belong to no other instance.")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = InstanceRecord.class)))
    @APIResponse(responseCode = "400", description = "a field breaks a rule; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "the id or a hostname is taken",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<InstanceRecord>> create(InstanceRecord request, UriInfo uri) {
        return instances.create(request, caller.subject())
                .map(created -> RestResponse.ResponseBuilder.<InstanceRecord>created(uri.getAbsolutePathBuilder()
                        .path(created.id()).build()).entity(created).build());
    }

    @GET
    @Path("/{instanceId}")
    @Operation(summary = "Read an instance")
    @APIResponse(responseCode = "200", description = "the instance")
    @APIResponse(responseCode = "404", description = "unknown_instance",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<InstanceRecord> find(@PathParam("instanceId") String instanceId) {
        return instances.find(instanceId);
    }

    @PUT
    @Path("/{instanceId}")
    @Operation(summary = "Replace an instance", description = "Every field is replaced; the id stays.")
    @APIResponse(responseCode = "200", description = "the instance as stored")
    @APIResponse(responseCode = "400", description = "a field breaks a rule; the description names it",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "unknown_instance",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "a hostname belongs to another instance",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<InstanceRecord> update(@PathParam("instanceId") String instanceId, InstanceRecord request) {
        return instances.update(instanceId, request, caller.subject());
    }

    @DELETE
    @Path("/{instanceId}")
    @Operation(summary = "Delete an instance",
            description = "Deletes its apps, scopes and secrets, and cuts off the apps' access tokens.")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "400", description = "the default instance cannot be deleted",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "unknown_instance",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Void> delete(@PathParam("instanceId") String instanceId) {
        return instances.delete(instanceId, caller.subject());
    }
}
