package net.erp.identity.authorize;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.erp.contract.error.OAuthError;

/**
 * The answers that go back to an app's redirect URI as query parameters: a code (RFC 6749 section 4.1.2) or
 * an error (section 4.1.2.1), each with {@code state} and {@code iss} (RFC 9207).
 */
final class AuthorizeRedirect {

    private AuthorizeRedirect() {
    }

    static Response code(AuthorizationRequest request, String code) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("code", code);
        return to(request.redirectUri(), parameters, request.state(), request.issuer());
    }

    static Response error(String redirectUri, String state, String issuer, OAuthError error) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("error", error.error());
        parameters.put("error_description", error.description());
        return to(redirectUri, parameters, state, issuer);
    }

    static Response error(AuthorizationRequest request, OAuthError error) {
        return error(request.redirectUri(), request.state(), request.issuer(), error);
    }

    private static Response to(String redirectUri, Map<String, String> parameters, String state, String issuer) {
        if (state != null) {
            parameters.put("state", state);
        }
        parameters.put("iss", issuer);
        var location = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (var parameter : parameters.entrySet()) {
            location.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return Response.status(Response.Status.FOUND)
                .location(URI.create(location.toString()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
