package net.erp.identity.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A successful token response (RFC 6749 section 5.1). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn, String scope) {

    public static TokenResponse bearer(AccessTokenIssuer.IssuedToken token) {
        return new TokenResponse(token.value(), "Bearer", token.expiresIn(), String.join(" ", token.scopes()));
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
