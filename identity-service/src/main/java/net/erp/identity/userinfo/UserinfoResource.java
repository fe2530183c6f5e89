package net.erp.identity.userinfo;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import net.erp.contract.error.OAuthError;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.instance.InstanceResolver;
import net.erp.identity.reference.ApiKeyCredential;
import net.erp.identity.reference.ReferenceTokens;
import net.erp.identity.token.AccessTokenVerifier;
import net.erp.identity.token.VerifiedAccessToken;
import net.erp.identity.user.User;
import net.erp.identity.user.UserDirectory;

/**
 * The UserInfo endpoint (OpenID Connect Core 1.0 section 5.3) as far as access tokens go: a missing token is
 * 401 {@code Bearer}; a bad, expired, revoked or foreign one 401 {@code invalid_token}; a token without a user
 * (a service token, a SAT) or without {@code openid} 403 {@code insufficient_scope}. A user's token (or PAT)
 * gets {@code sub} and {@code preferred_username}; with {@code profile} also {@code name}, and with
 * {@code profile} or {@code email} also {@code email} (section 5.4), when the user has them. A reference token
 * may also come in an {@code X-Api-Key} or {@code Api-Key} header ({@link ApiKeyCredential}).
 */
@Path("/id/connect/userinfo")
public class UserinfoResource {

    private final InstanceResolver instances;
    private final AccessTokenVerifier verifier;
    private final ReferenceTokens references;
    private final UserDirectory users;

    UserinfoResource(InstanceResolver instances, AccessTokenVerifier verifier, ReferenceTokens references,
            UserDirectory users) {
        this.instances = instances;
        this.verifier = verifier;
        this.references = references;
        this.users = users;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> get(@Context HttpServerRequest http,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ApiKeyCredential.X_API_KEY) String xApiKey,
            @HeaderParam(ApiKeyCredential.API_KEY) String apiKey) {
        return instances.resolve(http)
                .flatMap(instance -> verify(ApiKeyCredential.from(authorization, xApiKey, apiKey), instance))
                .map(UserinfoResource::requireUser)
                .flatMap(token -> users.find(token.instanceId(), token.subject())
                        .map(user -> claims(token, user.orElse(null))));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> post(@Context HttpServerRequest http,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ApiKeyCredential.X_API_KEY) String xApiKey,
            @HeaderParam(ApiKeyCredential.API_KEY) String apiKey) {
        return get(http, authorization, xApiKey, apiKey);
    }

    private Uni<VerifiedAccessToken> verify(String token, InstanceContext instance) {
        return ReferenceTokens.looksLike(token) ? references.verify(token, instance) : verifier.verify(token, instance);
    }

    private static VerifiedAccessToken requireUser(VerifiedAccessToken token) {
        if (token.serviceToken()) {
            throw OAuthError.insufficientScope("userinfo needs a token of a signed-in user");
        }
        if (!token.hasScope("openid")) {
            throw OAuthError.insufficientScope("userinfo needs the scope openid");
        }
        return token;
    }

    private static Map<String, Object> claims(VerifiedAccessToken token, User user) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", token.subject());
        claims.put("preferred_username", token.username());
        if (user == null) {
            return claims;
        }
        if (token.hasScope("profile") && user.name() != null) {
            claims.put("name", user.name());
        }
        if ((token.hasScope("profile") || token.hasScope("email")) && user.email() != null) {
            claims.put("email", user.email());
        }
        return claims;
    }
}
