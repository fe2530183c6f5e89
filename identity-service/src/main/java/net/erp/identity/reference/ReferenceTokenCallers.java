package net.erp.identity.reference;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import net.erp.contract.error.OAuthError;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.registry.TrustedApplication;
import net.erp.identity.token.AccessTokenVerifier;
import net.erp.identity.token.BearerToken;
import net.erp.identity.token.VerifiedAccessToken;

/**
 * Tells who calls the reference-token API from the bearer token (RFC 6750 section 2.1): the operator (scope
 * {@code admin}, any instance), an administrator of the instance, or one of its users. No token or a bad one
 * is 401; a token of another instance 401; a service token, or a reference token, 403; an unknown instance 404.
 */
@ApplicationScoped
class ReferenceTokenCallers {

    private final AccessTokenVerifier verifier;
    private final RegistryLookup registry;
    private final ReferenceTokenStore store;

    ReferenceTokenCallers(AccessTokenVerifier verifier, RegistryLookup registry, ReferenceTokenStore store) {
        this.verifier = verifier;
        this.registry = registry;
        this.store = store;
    }

    Uni<ReferenceTokenCaller> resolve(String authorization, String instanceId) {
        return Uni.createFrom().item(() -> accessToken(authorization))
                .flatMap(verifier::verify)
                .call(token -> registry.requireInstance(instanceId))
                .flatMap(token -> classify(token, instanceId));
    }

    private static String accessToken(String authorization) {
        String token = BearerToken.from(authorization);
        if (ReferenceTokens.looksLike(token)) {
            // A leaked reference token must not be able to mint further ones that outlive its revocation.
            throw OAuthError.forbidden("reference tokens are managed with an access token, not a reference token");
        }
        return token;
    }

    private Uni<ReferenceTokenCaller> classify(VerifiedAccessToken token, String instanceId) {
        if (token.hasScope(TrustedApplication.ADMIN_SCOPE)) {
            return Uni.createFrom().item(new ReferenceTokenCaller(ReferenceTokenCaller.Role.OPERATOR,
                    token.subject()));
        }
        if (!token.instanceId().equals(instanceId)) {
            throw OAuthError.invalidToken("the token belongs to another instance");
        }
        if (token.serviceToken()) {
            throw OAuthError.forbidden("reference tokens are managed with a user's token or the operator's");
        }
        return store.member(instanceId, token.subject()).map(found -> found
                .map(user -> new ReferenceTokenCaller(user.administrator() ? ReferenceTokenCaller.Role.ADMINISTRATOR
                        : ReferenceTokenCaller.Role.USER, user.id()))
                .orElseThrow(() -> OAuthError.invalidToken("the token's user is not a user of this instance")));
    }
}
