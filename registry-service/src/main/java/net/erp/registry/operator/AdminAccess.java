package net.erp.registry.operator;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.erp.contract.InstanceAudience;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.Revocation;
import net.erp.contract.revocation.RevocationList;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Guards the admin API under {@code /api/} (RFC 6750): a bearer JWT of identity-service (RFC 9068) whose
 * signature verifies against its JWKS, that has not expired, whose audience is an instance's, that is not
 * on the revocation list, and that {@link AdminPolicy} admits. No token: 401 with {@code WWW-Authenticate:
 * Bearer}; a bad one: 401 {@code invalid_token}; one that is not admitted: 403 {@code insufficient_scope}.
 * The issuer is not fixed: each instance has its own.
 */
public class AdminAccess {

    private static final Logger LOG = Logger.getLogger(AdminAccess.class);
    private static final String BEARER = "bearer ";

    private final JWTParser parser;
    private final RevocationList revocations;
    private final AdminPolicy policy;
    private final AdminCaller caller;

    AdminAccess(JWTParser parser, RevocationList revocations, AdminPolicy policy, AdminCaller caller) {
        this.parser = parser;
        this.revocations = revocations;
        this.policy = policy;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Uni<Void> authorize(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        String token = bearerToken(request.getHeaderString("Authorization"));
        String instanceId = request.getUriInfo().getPathParameters().getFirst("instanceId");
        return verified(token)
                .call(this::requireNotRevoked)
                .invoke(jwt -> admit(jwt, instanceId))
                .replaceWithVoid();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw OAuthError.missingToken();
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw OAuthError.missingToken();
        }
        return token;
    }

    /** Signature and expiry; fetching the JWKS may block, so the check runs on a worker thread. */
    private Uni<JsonWebToken> verified(String token) {
        if (!isAccessTokenJwt(token)) {
            return Uni.createFrom().failure(OAuthError.invalidToken("the token is not an access token (typ at+jwt)"));
        }
        Context context = Vertx.currentContext();
        var parsed = context.executeBlocking(() -> parser.parse(token), false);
        return Uni.createFrom().completionStage(parsed.toCompletionStage())
                .onFailure(ParseException.class).transform(e -> {
                    // The cause's message quotes the token's claims: name its type only.
                    LOG.debugf("refused a bearer token: %s (%s)", e.getMessage(),
                            e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
                    return OAuthError.invalidToken("the token is invalid or expired");
                });
    }

    /**
     * RFC 9068 section 4: an access token is typed {@code at+jwt} (or {@code application/at+jwt}), which
     * keeps an ID token or another JWT signed by the same keys from passing as one. smallrye-jwt does not
     * check the type, so it is checked here.
     */
    private static boolean isAccessTokenJwt(String token) {
        try {
            String type = JsonWebStructure.fromCompactSerialization(token).getHeader("typ");
            return type != null && (type.equalsIgnoreCase("at+jwt") || type.equalsIgnoreCase("application/at+jwt"));
        } catch (JoseException e) {
            return false;
        }
    }

    private Uni<Void> requireNotRevoked(JsonWebToken jwt) {
        String instanceId = instanceOf(jwt);
        if (jwt.getTokenID() == null || claim(jwt, "client_id") == null) {
            return Uni.createFrom().failure(OAuthError.invalidToken("the token lacks jti or client_id"));
        }
        var token = new Revocation(instanceId, jwt.getTokenID(), claim(jwt, "sid"), jwt.getSubject(),
                claim(jwt, "client_id"), jwt.getIssuedAtTime());
        return revocations.isRevoked(token)
                .onFailure().transform(e -> OAuthError.unavailable("the revocation list cannot be read"))
                .invoke(revoked -> {
                    if (revoked) {
                        throw OAuthError.invalidToken("the token was revoked");
                    }
                })
                .replaceWithVoid();
    }

    private static String instanceOf(JsonWebToken jwt) {
        Set<String> audiences = jwt.getAudience() == null ? Set.of() : jwt.getAudience();
        return audiences.stream()
                .map(InstanceAudience::instanceOf)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> OAuthError.invalidToken("the token is not issued for an instance"));
    }

    private void admit(JsonWebToken jwt, String instanceId) {
        String scope = claim(jwt, "scope");
        Set<String> scopes = scope == null ? Set.of() : new HashSet<>(Arrays.asList(scope.trim().split(" +")));
        caller.set(jwt.getSubject(), claim(jwt, "client_id"), instanceOf(jwt), scopes);
        if (!policy.permits(caller, instanceId)) {
            throw OAuthError.insufficientScope("the admin API needs the scope admin");
        }
    }

    /** A claim as text: smallrye-jwt answers claims it has no type for as JSON-P values. */
    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }
}
