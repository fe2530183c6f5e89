package net.erp.identity.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import net.erp.contract.error.OAuthError;
import net.erp.identity.access.InstanceCaller.Role;
import net.erp.identity.reference.ReferenceTokens;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.registry.TrustedApplication;
import net.erp.identity.token.AccessTokenVerifier;
import net.erp.identity.token.BearerToken;
import net.erp.identity.token.VerifiedAccessToken;
import net.erp.identity.user.UserDirectory;

/**
 * Tells who calls an admin API of an instance of identity-service (users, reference tokens) from the bearer
 * token (RFC 6750 section 2.1). No token or a bad one is 401; a token of another instance (but the operator's)
 * 401; a token whose user is no longer a user of the instance 401; a reference token 403, as these APIs take
 * access tokens only (a leaked reference token must not mint further ones or manage users); an unknown
 * instance 404.
 */
@ApplicationScoped
public class InstanceCallers {

    private final AccessTokenVerifier verifier;
    private final RegistryLookup registry;
    private final UserDirectory users;

    InstanceCallers(AccessTokenVerifier verifier, RegistryLookup registry, UserDirectory users) {
        this.verifier = verifier;
        this.registry = registry;
        this.users = users;
    }

    /** The caller, whoever it is among those the instance knows. */
    public Uni<InstanceCaller> resolve(String authorization, String instanceId) {
        return Uni.createFrom().item(() -> accessToken(authorization))
                .flatMap(verifier::verify)
                .call(token -> registry.requireInstance(instanceId))
                .flatMap(token -> classify(token, instanceId));
    }

    /** The caller when it may administer the instance; anyone else is 403 {@code insufficient_scope}. */
    public Uni<InstanceCaller> administrator(String authorization, String instanceId) {
        return resolve(authorization, instanceId).invoke(caller -> {
            if (!caller.administers()) {
                throw OAuthError.insufficientScope(
                        "this API needs the scope admin or an administrator of the instance");
            }
        });
    }

    private static String accessToken(String authorization) {
        String token = BearerToken.from(authorization);
        if (ReferenceTokens.looksLike(token)) {
            throw OAuthError.forbidden("this API takes an access token, not a reference token");
        }
        return token;
    }

    private Uni<InstanceCaller> classify(VerifiedAccessToken token, String instanceId) {
        if (token.hasScope(TrustedApplication.ADMIN_SCOPE)) {
            return Uni.createFrom().item(new InstanceCaller(Role.OPERATOR, token.subject()));
        }
        if (!token.instanceId().equals(instanceId)) {
            throw OAuthError.invalidToken("the token belongs to another instance");
        }
        if (token.serviceToken()) {
            return Uni.createFrom().item(new InstanceCaller(Role.SERVICE, token.subject()));
        }
        return users.find(instanceId, token.subject()).map(found -> found
                .map(user -> new InstanceCaller(user.administrator() ? Role.ADMINISTRATOR : Role.USER, user.id()))
                .orElseThrow(() -> OAuthError.invalidToken("the token's user is not a user of this instance")));
    }
}
