package net.erp.identity.authorize;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.client.AuthenticatedClient;
import net.erp.identity.client.ClientAuthenticator;
import net.erp.identity.idtoken.IdTokenIssuer;
import net.erp.identity.idtoken.IdTokenIssuer.IdTokenContent;
import net.erp.identity.refresh.RefreshTokens;
import net.erp.identity.signin.EndedSignIns;
import net.erp.identity.token.AccessTokenIssuer;
import net.erp.identity.token.AccessTokenIssuer.IssuedToken;
import net.erp.identity.token.Grant;
import net.erp.identity.token.TokenRequest;
import net.erp.identity.token.TokenResponse;
import net.erp.identity.user.User;
import net.erp.identity.user.UserDirectory;
import org.jboss.logging.Logger;

/**
 * The authorization code grant (RFC 6749 section 4.1.3, OpenID Connect Core 1.0 section 3.1.3): the app the
 * code was issued to (client_secret_basic, client_secret_post, or {@code none} for a public app), the same
 * {@code redirect_uri}, and the PKCE {@code code_verifier} of the challenge (RFC 7636 section 4.6). A code
 * works once; a second try is {@code invalid_grant} and revokes what the first one issued. With
 * {@code offline_access} the answer also starts a refresh-token family. The tokens carry only those of the
 * code's scopes that the app still holds when the code is redeemed, as a refresh does.
 */
@ApplicationScoped
class AuthorizationCodeGrant implements Grant {

    private static final Logger AUDIT = Logger.getLogger("audit");
    /** RFC 7636 section 4.1. */
    private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final ClientAuthenticator clients;
    private final AuthorizationCodes codes;
    private final UserDirectory users;
    private final AccessTokenIssuer accessTokens;
    private final IdTokenIssuer idTokens;
    private final RevocationList revocations;
    private final RefreshTokens refreshTokens;
    private final EndedSignIns endedSignIns;

    AuthorizationCodeGrant(ClientAuthenticator clients, AuthorizationCodes codes, UserDirectory users,
            AccessTokenIssuer accessTokens, IdTokenIssuer idTokens, RevocationList revocations,
            RefreshTokens refreshTokens, EndedSignIns endedSignIns) {
        this.clients = clients;
        this.codes = codes;
        this.users = users;
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
        this.revocations = revocations;
        this.refreshTokens = refreshTokens;
        this.endedSignIns = endedSignIns;
    }

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    public Uni<TokenResponse> grant(TokenRequest request) {
        String code = request.parameters().require("code");
        String redirectUri = request.parameters().require("redirect_uri");
        String verifier = request.parameters().get("code_verifier").orElse(null);
        String instanceId = request.instance().instanceId();
        return clients.authenticate(instanceId, request.credentials())
                .flatMap(client -> codes.redeem(instanceId, code).flatMap(found -> {
                    if (found.isEmpty()) {
                        return revokeFirstUse(instanceId, client, code)
                                .replaceWith(Uni.createFrom().failure(
                                        OAuthError.invalidGrant("the authorization code is invalid, expired or used")));
                    }
                    AuthorizationCode granted = check(found.get(), client, redirectUri, verifier);
                    return signInLive(instanceId, granted)
                            .flatMap(live -> users.find(instanceId, granted.userId()))
                            .map(user -> user.orElseThrow(() -> OAuthError.invalidGrant("the user no longer exists")))
                            .flatMap(user -> issue(request, client, granted, user, code));
                }));
    }

    private static AuthorizationCode check(AuthorizationCode code, AuthenticatedClient client, String redirectUri,
            String verifier) {
        if (!code.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("the authorization code was issued to another client");
        }
        if (!code.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri differs from the one of the authorization request");
        }
        if (code.codeChallenge() == null) {
            if (verifier != null) {
                throw OAuthError.invalidGrant("code_verifier was sent but the request had no code_challenge");
            }
            return code;
        }
        if (verifier == null) {
            throw OAuthError.invalidGrant("code_verifier is required");
        }
        if (!CODE_VERIFIER.matcher(verifier).matches() || !MessageDigest.isEqual(
                s256(verifier).getBytes(StandardCharsets.US_ASCII),
                code.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
        }
        return code;
    }

    /** A code whose sign-in ended after it was issued (logout, password change) issues nothing. */
    private Uni<Void> signInLive(String instanceId, AuthorizationCode code) {
        return endedSignIns.ended(instanceId, code.sid(), code.userId(), code.clientId(), code.issuedAt())
                .invoke(ended -> {
                    if (ended) {
                        throw OAuthError.invalidGrant("the sign-in of this authorization code has ended");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<TokenResponse> issue(TokenRequest request, AuthenticatedClient client, AuthorizationCode code,
            User user, String value) {
        String instanceId = request.instance().instanceId();
        List<String> scopes = client.app().stillAllowed(code.scopes());
        return accessTokens.issue(request.instance(), user.id(), code.clientId(), scopes, code.sid(),
                        user.username())
                .flatMap(token -> Uni.combine().all().unis(idToken(request, code, scopes, user, token),
                                refreshToken(client, code, scopes, user)).asTuple()
                        .call(both -> recorded(instanceId, client, value, new AuthorizationCodes.Redeemed(
                                token.jti(), expiry(token),
                                both.getItem2() == null ? null : both.getItem2().familyId())))
                        .map(both -> TokenResponse.bearer(token).with(
                                both.getItem2() == null ? null : both.getItem2().value(), both.getItem1()))
                        .invoke(() -> AUDIT.infof("event=token.issued grant_type=authorization_code instance=%s "
                                        + "client_id=%s user=%s sid=%s jti=%s scope=\"%s\"", instanceId,
                                code.clientId(), user.id(), code.sid(), token.jti(), String.join(" ", scopes))));
    }

    private Uni<String> idToken(TokenRequest request, AuthorizationCode code, List<String> scopes, User user,
            IssuedToken token) {
        if (!scopes.contains("openid")) {
            return Uni.createFrom().nullItem();
        }
        return idTokens.issue(new IdTokenContent(request.instance().issuer(), user.id(), code.clientId(), code.sid(),
                code.authTime(), code.nonce(), user.username()), token.value());
    }

    private Uni<RefreshTokens.Started> refreshToken(AuthenticatedClient client, AuthorizationCode code,
            List<String> scopes, User user) {
        if (!scopes.contains("offline_access")) {
            return Uni.createFrom().nullItem();
        }
        return refreshTokens.start(client, user.id(), user.username(), code.sid(), scopes, code.authTime());
    }

    /**
     * Records what this redemption issued; when a second redemption of the code came while it was issuing, it
     * revokes that itself and answers {@code invalid_grant} instead.
     */
    private Uni<Void> recorded(String instanceId, AuthenticatedClient client, String code,
            AuthorizationCodes.Redeemed issued) {
        return codes.redeemed(instanceId, code, issued).flatMap(recorded -> recorded ? Uni.createFrom().voidItem()
                : revoke(instanceId, client, issued).replaceWith(Uni.createFrom().failure(
                        OAuthError.invalidGrant("the authorization code is invalid, expired or used"))));
    }

    private Uni<Void> revokeFirstUse(String instanceId, AuthenticatedClient client, String code) {
        return codes.reused(instanceId, code).flatMap(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                : revoke(instanceId, client, found.get()));
    }

    private Uni<Void> revoke(String instanceId, AuthenticatedClient client, AuthorizationCodes.Redeemed issued) {
        AUDIT.infof("event=code.reused instance=%s client_id=%s jti=%s", instanceId, client.clientId(),
                issued.jti());
        Uni<Void> family = issued.refreshFamily() == null ? Uni.createFrom().voidItem()
                : refreshTokens.revokeFamily(instanceId, issued.refreshFamily());
        return revocations.revokeToken(instanceId, issued.jti(), Instant.ofEpochSecond(issued.expiresAt()))
                .call(() -> family);
    }

    private static long expiry(IssuedToken token) {
        return System.currentTimeMillis() / 1000 + token.expiresIn();
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
