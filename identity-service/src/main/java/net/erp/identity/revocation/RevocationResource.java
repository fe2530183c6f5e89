package net.erp.identity.revocation;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.client.AuthenticatedClient;
import net.erp.identity.client.ClientAuthenticator;
import net.erp.identity.client.ClientCredentials;
import net.erp.identity.form.FormParameters;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.instance.InstanceResolver;
import net.erp.identity.reference.ReferenceTokens;
import net.erp.identity.refresh.RefreshTokens;
import net.erp.identity.token.AccessTokenVerifier;
import net.erp.identity.token.VerifiedAccessToken;
import org.jboss.logging.Logger;

/**
 * Token revocation (RFC 7009) for access tokens: the token's own app (or the operator) puts its {@code jti}
 * on the revocation list until it expires, so every service refuses it from then on. A refresh token of the
 * app revokes its whole family (RFC 9700 section 4.14.2). An unknown, invalid,
 * expired or already revoked token is answered with 200 all the same (section 2.2); the hint is ignored.
 * Reference tokens are revoked in their own store as well ({@link ReferenceTokens}).
 */
@Path("/id/connect/revocation")
public class RevocationResource {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private final InstanceResolver instances;
    private final ClientAuthenticator clients;
    private final AccessTokenVerifier verifier;
    private final RevocationList revocations;
    private final ReferenceTokens references;
    private final RefreshTokens refreshTokens;

    RevocationResource(InstanceResolver instances, ClientAuthenticator clients, AccessTokenVerifier verifier,
            RevocationList revocations, ReferenceTokens references, RefreshTokens refreshTokens) {
        this.instances = instances;
        this.clients = clients;
        this.verifier = verifier;
        this.revocations = revocations;
        this.references = references;
        this.refreshTokens = refreshTokens;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> revoke(@Context HttpServerRequest http, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return instances.resolve(http).flatMap(instance -> {
            FormParameters form = FormParameters.parse(type, body);
            String token = form.require("token");
            return clients.authenticateOrOperator(instance.instanceId(), ClientCredentials.of(authorization, form))
                    .flatMap(caller -> revoke(token, instance, caller))
                    .map(done -> Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build());
        });
    }

    private Uni<Void> revoke(String token, InstanceContext instance, AuthenticatedClient caller) {
        if (ReferenceTokens.looksLike(token)) {
            return references.revoke(token, instance, caller);
        }
        return verifier.verify(token, instance)
                .flatMap(verified -> {
                    if (!caller.operator() && !verified.clientId().equals(caller.clientId())) {
                        throw OAuthError.unauthorizedClient("the token was not issued to this client");
                    }
                    return revocations.revokeToken(verified.instanceId(), verified.jti(), expiry(verified))
                            .invoke(() -> audit(verified, caller));
                })
                .onFailure(RevocationResource::invalidToken)
                .recoverWithUni(() -> refreshTokens.revoke(instance.instanceId(), token, caller).replaceWithVoid())
                .replaceWithVoid();
    }

    private static Instant expiry(VerifiedAccessToken token) {
        return Instant.ofEpochSecond(token.expiresAt());
    }

    private static void audit(VerifiedAccessToken token, AuthenticatedClient caller) {
        AUDIT.infof("event=token.revoked instance=%s client_id=%s jti=%s by=%s", token.instanceId(),
                token.clientId(), token.jti(), caller.clientId());
    }

    private static boolean invalidToken(Throwable failure) {
        return failure instanceof OAuthError error && error.error().equals("invalid_token");
    }
}
