package net.erp.identity.discovery;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import net.erp.identity.keys.Jwks;
import net.erp.identity.keys.SigningKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's JWKS for the other services (docs/service-contract.md): the same keys every instance's JWKS
 * shows, public key material, so no internal secret is asked for.
 */
@Path("/internal/jwks")
public class InternalJwksResource {

    private final SigningKeys keys;
    private final Duration maxAge;

    InternalJwksResource(SigningKeys keys, @ConfigProperty(name = "identity.keys.jwks-max-age") Duration maxAge) {
        this.keys = keys;
        this.maxAge = maxAge;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> jwks(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Jwks jwks = keys.jwks();
        return Uni.createFrom().item(() -> CacheableJson.of(jwks.json(), jwks.etag(), ifNoneMatch, maxAge));
    }
}
