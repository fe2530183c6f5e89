package net.erp.identity.reference;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import net.erp.contract.error.OAuthError;
import net.erp.identity.access.InstanceCaller;
import net.erp.identity.access.InstanceCallers;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The reference tokens of an instance (SPEC "Reference tokens"): issue one (the value is shown in this answer
 * only), list the live ones without values, revoke one at once. The operator and the instance's administrators
 * see and revoke every token; a user their own PATs.
 */
@Path("/api/instances/{instanceId}/reference-tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceTokenResource {

    private final InstanceCallers callers;
    private final ReferenceTokenIssuer issuer;
    private final ReferenceTokenStore store;
    private final ReferenceTokens tokens;

    ReferenceTokenResource(InstanceCallers callers, ReferenceTokenIssuer issuer, ReferenceTokenStore store,
            ReferenceTokens tokens) {
        this.callers = callers;
        this.issuer = issuer;
        this.store = store;
        this.tokens = tokens;
    }

    @POST
    public Uni<RestResponse<IssuedReferenceToken>> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId, NewReferenceToken request) {
        return caller(authorization, instanceId)
                .flatMap(caller -> issuer.issue(instanceId, caller, body(request)))
                .map(issued -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, issued)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build());
    }

    @GET
    public Uni<List<ReferenceTokenView>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId) {
        return caller(authorization, instanceId)
                .flatMap(caller -> store.live(instanceId, caller.administers() ? null : caller.subject(),
                        Instant.now()))
                .map(found -> found.stream().map(ReferenceToken::view).toList());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId, @PathParam("id") String id) {
        return caller(authorization, instanceId)
                .flatMap(caller -> store.find(instanceId, id)
                        .map(found -> found.filter(token -> mayRevoke(caller, token))
                                .orElseThrow(ReferenceTokenResource::unknownToken))
                        .flatMap(token -> tokens.revoke(token, caller.subject())));
    }

    /** The operator, an administrator or a user of the instance; an app's own token may not manage them. */
    private Uni<InstanceCaller> caller(String authorization, String instanceId) {
        return callers.resolve(authorization, instanceId).invoke(caller -> {
            if (caller.role() == InstanceCaller.Role.SERVICE) {
                throw OAuthError.forbidden("reference tokens are managed with a user's token or the operator's");
            }
        });
    }

    /** A user may revoke their own PATs; another's token is as unknown to them as it is invisible. */
    private static boolean mayRevoke(InstanceCaller caller, ReferenceToken token) {
        return caller.administers() || token.personal() && token.subject().equals(caller.subject());
    }

    private static NewReferenceToken body(NewReferenceToken request) {
        if (request == null) {
            throw OAuthError.invalidRequest("a JSON body is required");
        }
        return request;
    }

    private static OAuthError unknownToken() {
        return OAuthError.notFound("unknown_reference_token", "the instance has no such reference token");
    }
}
