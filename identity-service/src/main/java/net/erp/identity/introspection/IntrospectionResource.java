package net.erp.identity.introspection;

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
import java.util.LinkedHashMap;
import java.util.Map;
import net.erp.contract.error.OAuthError;
import net.erp.identity.client.AuthenticatedClient;
import net.erp.identity.client.ClientAuthenticator;
import net.erp.identity.client.ClientCredentials;
import net.erp.identity.form.FormParameters;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.instance.InstanceResolver;
import net.erp.identity.reference.ReferenceTokens;
import net.erp.identity.token.AccessTokenVerifier;
import net.erp.identity.token.VerifiedAccessToken;

/**
 * Token introspection (RFC 7662) for the access tokens of the instance the host names. The caller is a
 * confidential app of that instance or the operator. A token that is expired, badly signed, revoked or of
 * another instance is simply {@code {"active": false}}; the hint is ignored. Reference tokens (PAT, SAT) are
 * answered from their own store ({@link ReferenceTokens}).
 */
@Path("/id/connect/introspect")
public class IntrospectionResource {

    private final InstanceResolver instances;
    private final ClientAuthenticator clients;
    private final AccessTokenVerifier verifier;
    private final ReferenceTokens references;

    IntrospectionResource(InstanceResolver instances, ClientAuthenticator clients, AccessTokenVerifier verifier,
            ReferenceTokens references) {
        this.instances = instances;
        this.clients = clients;
        this.verifier = verifier;
        this.references = references;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> introspect(@Context HttpServerRequest http, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return instances.resolve(http).flatMap(instance -> {
            FormParameters form = FormParameters.parse(type, body);
            String token = form.require("token");
            ClientCredentials credentials = ClientCredentials.of(authorization, form);
            return clients.authenticateOrOperator(instance.instanceId(), credentials)
                    .invoke(caller -> requireConfidential(caller, credentials))
                    .flatMap(caller -> describe(token, instance))
                    .map(IntrospectionResource::noStore);
        });
    }

    private Uni<Map<String, Object>> describe(String token, InstanceContext instance) {
        boolean reference = ReferenceTokens.looksLike(token);
        return (reference ? references.verify(token, instance) : verifier.verify(token, instance))
                .map(IntrospectionResource::active)
                .onFailure(IntrospectionResource::invalidToken).recoverWithItem(Map.of("active", false));
    }

    private static void requireConfidential(AuthenticatedClient caller, ClientCredentials credentials) {
        if (!caller.operator() && !caller.app().confidential()) {
            throw OAuthError.invalidClient("introspection is open to confidential apps only", credentials.basic());
        }
    }

    /** RFC 7662 section 2.2; {@code token_type} as RFC 6749 section 7.1 names it, for JWTs and reference tokens. */
    private static Map<String, Object> active(VerifiedAccessToken token) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("active", true);
        answer.put("scope", String.join(" ", token.scopes()));
        answer.put("client_id", token.clientId());
        answer.put("sub", token.subject());
        if (token.username() != null) {
            answer.put("username", token.username());
        }
        answer.put("token_type", "Bearer");
        answer.put("exp", token.expiresAt());
        answer.put("iat", token.issuedAt());
        answer.put("iss", token.issuer());
        answer.put("aud", token.audience());
        answer.put("jti", token.jti());
        if (token.sid() != null) {
            answer.put("sid", token.sid());
        }
        return answer;
    }

    private static boolean invalidToken(Throwable failure) {
        return failure instanceof OAuthError error && error.error().equals("invalid_token");
    }

    private static Response noStore(Map<String, Object> answer) {
        return Response.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
