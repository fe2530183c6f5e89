package net.erp.identity.operator;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import net.erp.contract.error.OAuthError;
import net.erp.identity.registry.TrustedApplication;
import net.erp.identity.token.AccessTokenVerifier;
import net.erp.identity.token.BearerToken;
import net.erp.identity.token.VerifiedAccessToken;

/**
 * Guards the admin API (SPEC "Operator access"): a bearer token with the scope {@code admin}, which only the
 * operator's app can hold. No or a bad token is 401; a good token without the scope 403.
 */
@ApplicationScoped
public class OperatorAccess {

    private final AccessTokenVerifier verifier;

    OperatorAccess(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Uni<VerifiedAccessToken> require(String authorization) {
        return Uni.createFrom().item(() -> BearerToken.from(authorization))
                .flatMap(verifier::verify)
                .invoke(token -> {
                    if (!token.hasScope(TrustedApplication.ADMIN_SCOPE)) {
                        throw OAuthError.insufficientScope("this API needs the scope admin");
                    }
                });
    }
}
