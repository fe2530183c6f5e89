package net.erp.identity.token;

import io.smallrye.mutiny.Uni;

/** One grant type of the token endpoint (RFC 6749 section 4); each lives in a class of its own. */
public interface Grant {

    /** The {@code grant_type} value it answers. */
    String grantType();

    /** Grants the request or fails with an {@code OAuthError}. */
    Uni<TokenResponse> grant(TokenRequest request);
}
