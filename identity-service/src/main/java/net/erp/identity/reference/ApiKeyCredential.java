package net.erp.identity.reference;

import net.erp.contract.error.OAuthError;
import net.erp.identity.token.BearerToken;

/**
 * The one credential of a request to an endpoint that takes a bearer token or an API key (SPEC "Reference
 * tokens"): {@code Authorization: Bearer} (RFC 6750 section 2.1), {@code X-Api-Key} or {@code Api-Key}.
 * None is 401 {@code Bearer}; two different ones are 400 {@code invalid_request}.
 */
public final class ApiKeyCredential {

    /** The API key headers, besides {@code Authorization}. */
    public static final String X_API_KEY = "X-Api-Key";
    public static final String API_KEY = "Api-Key";

    private ApiKeyCredential() {
    }

    public static String from(String authorization, String xApiKey, String apiKey) {
        String found = authorization == null ? null : BearerToken.from(authorization);
        for (String key : new String[] {xApiKey, apiKey}) {
            if (key == null || key.isBlank()) {
                continue;
            }
            if (found != null && !found.equals(key.trim())) {
                throw OAuthError.invalidRequest("send one credential: Authorization, X-Api-Key or Api-Key");
            }
            found = key.trim();
        }
        if (found == null) {
            throw OAuthError.missingToken();
        }
        return found;
    }
}
