package net.erp.identity.authorize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.identity.registry.TrustedApplication;

/**
 * An authorization request (RFC 6749 section 4.1.1, OpenID Connect Core 1.0 section 3.1.2.1, RFC 7636
 * section 4.3) whose client and redirect URI were checked, and whose other parameters {@link #read} checked.
 *
 * @param instanceId the instance the request's host chose
 * @param issuer the issuer of that host
 * @param clientId the app
 * @param appName the app's name, shown on the login page
 * @param redirectUri one of the app's registered redirect URIs, exactly
 * @param scopes the requested scopes, each the app's
 * @param state the client's state, or {@code null}
 * @param nonce the OpenID nonce, or {@code null}
 * @param codeChallenge the S256 PKCE challenge, or {@code null} (confidential apps only)
 * @param prompt {@code login}, {@code none}, or {@code null}
 * @param maxAge the {@code max_age} in seconds, or {@code null}
 * @param allowedKinds the kinds of user the app lets sign in: {@code INTERNAL}, {@code COMMUNITY}
 */
@RegisterForReflection
public record AuthorizationRequest(String instanceId, String issuer, String clientId, String appName,
        String redirectUri, List<String> scopes, String state, String nonce, String codeChallenge, String prompt,
        Long maxAge, List<String> allowedKinds) {

    /** RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    /** RFC 7636 section 4.2: 43 to 128 unreserved characters (the S256 challenge is 43). */
    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");
    private static final int MAX_VALUE = 2048;

    /**
     * Checks the parameters after client and redirect URI; every refusal is an {@link OAuthError} that goes
     * back to the redirect URI.
     */
    static AuthorizationRequest read(String instanceId, String issuer, TrustedApplication app, String redirectUri,
            Map<String, String> parameters) {
        for (String value : parameters.values()) {
            if (value.length() > MAX_VALUE) {
                throw OAuthError.invalidRequest("a parameter is too long");
            }
        }
        String responseType = parameters.get("response_type");
        if (responseType == null) {
            throw OAuthError.invalidRequest("the parameter 'response_type' is missing");
        }
        if (!responseType.equals("code")) {
            throw OAuthError.of(400, "unsupported_response_type", "only response_type=code is supported");
        }
        String responseMode = parameters.get("response_mode");
        if (responseMode != null && !responseMode.equals("query")) {
            throw OAuthError.invalidRequest("only response_mode=query is supported");
        }
        if (parameters.containsKey("request") || parameters.containsKey("request_uri")) {
            throw OAuthError.of(400, "request_not_supported", "request objects are not supported");
        }
        if (!app.internalUsersAllowed() && !app.communityUsersAllowed()) {
            throw OAuthError.unauthorizedClient("this app does not sign users in");
        }
        return new AuthorizationRequest(instanceId, issuer, app.clientId(), app.name(), redirectUri,
                scopes(app, parameters.get("scope")), parameters.get("state"), parameters.get("nonce"),
                codeChallenge(app, parameters), prompt(parameters.get("prompt")), maxAge(parameters.get("max_age")),
                allowedKinds(app));
    }

    boolean openid() {
        return scopes.contains("openid");
    }

    private static List<String> allowedKinds(TrustedApplication app) {
        var kinds = new ArrayList<String>();
        if (app.internalUsersAllowed()) {
            kinds.add("INTERNAL");
        }
        if (app.communityUsersAllowed()) {
            kinds.add("COMMUNITY");
        }
        return List.copyOf(kinds);
    }

    private static List<String> scopes(TrustedApplication app, String scope) {
        if (scope == null) {
            throw OAuthError.invalidScope("the parameter 'scope' is missing");
        }
        var scopes = new LinkedHashSet<String>();
        for (String token : scope.split(" ", -1)) {
            if (!SCOPE_TOKEN.matcher(token).matches()) {
                throw OAuthError.invalidScope("the scope parameter is malformed");
            }
            if (token.equals(TrustedApplication.ADMIN_SCOPE) || !app.scopes().contains(token)) {
                throw OAuthError.invalidScope("the scope '" + token + "' is not allowed for this app");
            }
            scopes.add(token);
        }
        return List.copyOf(scopes);
    }

    private static String codeChallenge(TrustedApplication app, Map<String, String> parameters) {
        String challenge = parameters.get("code_challenge");
        String method = parameters.get("code_challenge_method");
        if (challenge == null) {
            if (method != null) {
                throw OAuthError.invalidRequest("code_challenge_method was sent without code_challenge");
            }
            if (!app.confidential()) {
                throw OAuthError.invalidRequest("a public app must send a PKCE code_challenge (S256)");
            }
            return null;
        }
        if (!"S256".equals(method)) {
            throw OAuthError.invalidRequest("code_challenge_method must be S256");
        }
        if (!CODE_CHALLENGE.matcher(challenge).matches()) {
            throw OAuthError.invalidRequest("code_challenge is malformed");
        }
        return challenge;
    }

    private static String prompt(String prompt) {
        if (prompt == null) {
            return null;
        }
        // A set that tolerates a value given twice ("login login"), which Set.of would refuse with an exception.
        Set<String> values = new HashSet<>(Arrays.asList(prompt.split(" ", -1)));
        if (!PROMPTS.containsAll(values)) {
            throw OAuthError.invalidRequest("prompt may be none, login, consent or select_account");
        }
        if (values.contains("none") && values.size() > 1) {
            throw OAuthError.invalidRequest("prompt=none cannot be combined with other values");
        }
        return values.contains("none") ? "none" : values.contains("login") ? "login" : null;
    }

    private static Long maxAge(String maxAge) {
        if (maxAge == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(maxAge);
            if (seconds < 0) {
                throw OAuthError.invalidRequest("max_age must be a number of seconds");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw OAuthError.invalidRequest("max_age must be a number of seconds");
        }
    }
}
