package net.erp.identity.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A successful token response (RFC 6749 section 5.1). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn, String scope,
        @JsonProperty("refresh_token") String refreshToken, @JsonProperty("id_token") String idToken) {

    public static TokenResponse bearer(AccessTokenIssuer.IssuedToken token) {
        return new TokenResponse(token.value(), "Bearer", token.expiresIn(), String.join(" ", token.scopes()),
                null, null);
    }

    /** The same response with a refresh token and an ID token (OpenID Connect Core 1.0 section 3.1.3.3). */
    public TokenResponse with(String refreshToken, String idToken) {
        return new TokenResponse(accessToken, tokenType, expiresIn, scope, refreshToken, idToken);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
