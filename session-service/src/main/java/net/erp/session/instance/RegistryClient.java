package net.erp.session.instance;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.erp.contract.internal.InternalCallFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** registry-service's internal API (docs/service-contract.md). */
@RegisterRestClient(configKey = "registry")
@Path("/internal/instances")
interface RegistryClient {

    /** The instance, or 404 {@code unknown_instance}. */
    @GET
    @Path("/{instanceId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Instance> instance(@PathParam("instanceId") String instanceId,
            @HeaderParam(InternalCallFilter.HEADER) String internalSecret);
}
