package net.erp.contract.error;

import java.util.Map;

/**
 * The one error type of the platform: an RFC 6749 section 5.2 error (and its RFC 6750 section 3.1 and
 * RFC 7009 variants) together with the HTTP status it travels with. {@link OAuthErrorMapper} writes it.
 *
 * <p>The description is shown to the caller: it names the field or rule that refused the request and
 * never carries a secret, token, code or password.
 */
public final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;
    private final Challenge challenge;
    private final Map<String, Object> extra;

    /** How a {@code WWW-Authenticate} header is added to the response (RFC 6750 section 3). */
    public enum Challenge {
        /** No header. */
        NONE,
        /** {@code WWW-Authenticate: Bearer}: no credentials were sent. */
        BEARER,
        /** {@code WWW-Authenticate: Bearer error="..."}: the credentials were refused. */
        BEARER_ERROR,
        /** {@code WWW-Authenticate: Basic}: client authentication by HTTP Basic failed (RFC 6749 5.2). */
        BASIC
    }

    private OAuthError(int status, String error, String description, Challenge challenge,
            Map<String, Object> extra) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.challenge = challenge;
        this.extra = Map.copyOf(extra);
    }

    public static OAuthError of(int status, String error, String description) {
        return new OAuthError(status, error, description, Challenge.NONE, Map.of());
    }

    public static OAuthError invalidRequest(String description) {
        return of(400, "invalid_request", description);
    }

    public static OAuthError invalidGrant(String description) {
        return of(400, "invalid_grant", description);
    }

    public static OAuthError invalidScope(String description) {
        return of(400, "invalid_scope", description);
    }

    public static OAuthError unauthorizedClient(String description) {
        return of(400, "unauthorized_client", description);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return of(400, "unsupported_grant_type", description);
    }

    /** RFC 6749 5.2: client authentication failed. {@code basic} when the client used HTTP Basic. */
    public static OAuthError invalidClient(String description, boolean basic) {
        return new OAuthError(401, "invalid_client", description, basic ? Challenge.BASIC : Challenge.NONE,
                Map.of());
    }

    /** RFC 6750 3.1: the request carried no bearer token at all. */
    public static OAuthError missingToken() {
        return new OAuthError(401, "invalid_request", "a bearer token is required", Challenge.BEARER, Map.of());
    }

    /** RFC 6750 3.1: the token is expired, malformed, revoked or of another instance. */
    public static OAuthError invalidToken(String description) {
        return new OAuthError(401, "invalid_token", description, Challenge.BEARER_ERROR, Map.of());
    }

    /** RFC 6750 3.1: the token is good but lacks the scope the resource needs. */
    public static OAuthError insufficientScope(String description) {
        return new OAuthError(403, "insufficient_scope", description, Challenge.BEARER_ERROR, Map.of());
    }

    /** The caller proved who it is but may not do this (e.g. issue a reference token for another user). */
    public static OAuthError forbidden(String description) {
        return of(403, "access_denied", description);
    }

    public static OAuthError notFound(String error, String description) {
        return of(404, error, description);
    }

    public static OAuthError conflict(String description) {
        return of(409, "conflict", description);
    }

    /** A store the request needs cannot be reached; nothing was granted. */
    public static OAuthError unavailable(String description) {
        return of(503, "temporarily_unavailable", description);
    }

    /** The same error with further members in its JSON body (for example {@code licenseLimit}). */
    public OAuthError with(String member, Object value) {
        var merged = new java.util.LinkedHashMap<>(extra);
        merged.put(member, value);
        return new OAuthError(status, error, getMessage(), challenge, merged);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public Challenge challenge() {
        return challenge;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
