package net.erp.session.token;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** identity-service's internal API (docs/service-contract.md): the platform's public signing keys. */
@RegisterRestClient(configKey = "identity")
@Path("/internal")
interface IdentityClient {

    /** The JWKS (RFC 7517 section 5) of every published signing key. */
    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> jwks();
}
