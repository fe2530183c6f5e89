package net.erp.session.token;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.erp.contract.internal.InternalCallFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * identity-service's internal API (docs/service-contract.md): the platform's public signing keys, and the
 * introspection of reference tokens.
 */
@RegisterRestClient(configKey = "identity")
@Path("/internal")
interface IdentityClient {

    /** The JWKS (RFC 7517 section 5) of every published signing key. */
    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> jwks();

    /** Whether a reference token is active, and what it stands for (RFC 7662 section 2.2 in spirit). */
    @POST
    @Path("/reference-tokens/introspect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ReferenceTokenIntrospection> introspect(@HeaderParam(InternalCallFilter.HEADER) String internalSecret,
            ReferenceTokenQuery query);
}
