package net.erp.identity.user;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import net.erp.contract.error.OAuthError;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.registry.TrustedApplication;
import net.erp.identity.token.AccessTokenVerifier;
import net.erp.identity.token.BearerToken;
import net.erp.identity.token.VerifiedAccessToken;

/**
 * Guards the users API of an instance (SPEC "Operator access", "Users"): the operator (scope {@code admin},
 * every instance) and the instance's administrators (a user's access token of that instance whose user record
 * says {@code administrator}). No token or a bad one is 401, a token of another instance 401, any other token
 * 403; an unknown instance 404.
 */
@ApplicationScoped
class AdministratorAccess {

    private final AccessTokenVerifier verifier;
    private final RegistryLookup registry;
    private final UserStore users;

    AdministratorAccess(AccessTokenVerifier verifier, RegistryLookup registry, UserStore users) {
        this.verifier = verifier;
        this.registry = registry;
        this.users = users;
    }

    /** The caller's token when it may administer the users of {@code instanceId}. */
    Uni<VerifiedAccessToken> require(String authorization, String instanceId) {
        return Uni.createFrom().item(() -> BearerToken.from(authorization))
                .flatMap(verifier::verify)
                .call(token -> registry.requireInstance(instanceId))
                .call(token -> requireAdministrator(token, instanceId));
    }

    private Uni<Void> requireAdministrator(VerifiedAccessToken token, String instanceId) {
        if (token.hasScope(TrustedApplication.ADMIN_SCOPE)) {
            return Uni.createFrom().voidItem();
        }
        if (!token.instanceId().equals(instanceId)) {
            throw OAuthError.invalidToken("the token belongs to another instance");
        }
        if (token.serviceToken()) {
            throw refused();
        }
        return users.byId(instanceId, token.subject()).invoke(found -> {
            if (found.filter(User::administrator).isEmpty()) {
                throw refused();
            }
        }).replaceWithVoid();
    }

    private static OAuthError refused() {
        return OAuthError.insufficientScope("this API needs the scope admin or an administrator of the instance");
    }
}
