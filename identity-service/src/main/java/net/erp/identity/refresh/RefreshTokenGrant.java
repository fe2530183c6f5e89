package net.erp.identity.refresh;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.identity.client.AuthenticatedClient;
import net.erp.identity.client.ClientAuthenticator;
import net.erp.identity.idtoken.IdTokenIssuer;
import net.erp.identity.idtoken.IdTokenIssuer.IdTokenContent;
import net.erp.identity.signin.EndedSignIns;
import net.erp.identity.token.AccessTokenIssuer;
import net.erp.identity.token.AccessTokenIssuer.IssuedToken;
import net.erp.identity.token.Grant;
import net.erp.identity.token.TokenRequest;
import net.erp.identity.token.TokenResponse;
import net.erp.identity.user.User;
import net.erp.identity.user.UserDirectory;

/**
 * The refresh token grant (RFC 6749 section 6): the app the token was issued to gets a new access token of the
 * same user and sign-in ({@code sid}), an ID token when the family holds {@code openid}, and the family's next
 * refresh token; the one presented is spent (RFC 9700 section 4.14.2). A requested {@code scope} may narrow the
 * family's scopes for this access token, never widen them. A spent token presented again revokes its family.
 * The app's current scopes bound every refresh: without {@code offline_access} the family is revoked and the
 * answer is {@code invalid_grant}; a scope the app lost is left out of the new tokens.
 */
@ApplicationScoped
class RefreshTokenGrant implements Grant {

    /** RFC 6749 section 3.3. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final String OFFLINE_ACCESS = "offline_access";

    private final ClientAuthenticator clients;
    private final RefreshTokens refreshTokens;
    private final UserDirectory users;
    private final AccessTokenIssuer accessTokens;
    private final IdTokenIssuer idTokens;
    private final EndedSignIns endedSignIns;

    RefreshTokenGrant(ClientAuthenticator clients, RefreshTokens refreshTokens, UserDirectory users,
            AccessTokenIssuer accessTokens, IdTokenIssuer idTokens, EndedSignIns endedSignIns) {
        this.clients = clients;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
        this.endedSignIns = endedSignIns;
    }

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public Uni<TokenResponse> grant(TokenRequest request) {
        String value = request.parameters().require("refresh_token");
        List<String> requested = requestedScopes(request);
        String instanceId = request.instance().instanceId();
        return clients.authenticate(instanceId, request.credentials())
                .flatMap(client -> refreshTokens.find(instanceId, value)
                        .map(found -> found.orElseThrow(RefreshTokenGrant::invalid))
                        .flatMap(token -> usable(client, token, requested))
                        .call(this::signInLive)
                        .flatMap(token -> refresh(request, client, token, requested)));
    }

    private Uni<TokenResponse> refresh(TokenRequest request, AuthenticatedClient client, RefreshToken token,
            List<String> requested) {
        String instanceId = request.instance().instanceId();
        return users.find(instanceId, token.userId())
                .map(user -> user.orElseThrow(() -> OAuthError.invalidGrant("the user no longer exists")))
                .flatMap(user -> refreshTokens.rotate(token).flatMap(next -> {
                    if (next.isEmpty()) {
                        return refreshTokens.reused(token).replaceWith(Uni.createFrom().failure(invalid()));
                    }
                    List<String> scopes = client.app().stillAllowed(requested == null ? token.scopes() : requested);
                    return issue(request, token, user, scopes, next.get());
                }));
    }

    private Uni<RefreshToken> usable(AuthenticatedClient client, RefreshToken token, List<String> requested) {
        if (!token.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("the refresh token was issued to another client");
        }
        if (token.revoked() || token.expired(Instant.now())) {
            throw invalid();
        }
        if (token.rotated()) {
            return refreshTokens.reused(token).replaceWith(Uni.createFrom().failure(invalid()));
        }
        if (!client.app().scopes().contains(OFFLINE_ACCESS)) {
            // The app may no longer hold refresh tokens: the family ends, as if it had been revoked.
            return refreshTokens.revokeFamily(token.instanceId(), token.familyId())
                    .replaceWith(Uni.createFrom().failure(invalid()));
        }
        if (requested != null && !token.scopes().containsAll(requested)) {
            throw OAuthError.invalidScope("a refresh may narrow the granted scopes, never widen them");
        }
        return Uni.createFrom().item(token);
    }

    /**
     * A token whose sign-in ended (a reused token of another family of the same sign-in, a logout), or whose
     * user or app was cut off after it was issued, revokes its family and issues nothing.
     */
    private Uni<Void> signInLive(RefreshToken token) {
        return endedSignIns.ended(token.instanceId(), token.sid(), token.userId(), token.clientId(),
                        token.issuedAt().getEpochSecond())
                .flatMap(ended -> !ended ? Uni.createFrom().voidItem()
                        : refreshTokens.revokeFamily(token.instanceId(), token.familyId())
                                .replaceWith(Uni.createFrom().failure(invalid())));
    }

    private Uni<TokenResponse> issue(TokenRequest request, RefreshToken token, User user, List<String> scopes,
            String next) {
        return accessTokens.issue(request.instance(), user.id(), token.clientId(), scopes, token.sid(),
                        user.username())
                .flatMap(access -> idToken(request, token, user, scopes, access)
                        .map(idToken -> TokenResponse.bearer(access).with(next, idToken)));
    }

    private Uni<String> idToken(TokenRequest request, RefreshToken token, User user, List<String> scopes,
            IssuedToken access) {
        if (!scopes.contains("openid")) {
            return Uni.createFrom().nullItem();
        }
        return idTokens.issue(new IdTokenContent(request.instance().issuer(), user.id(), token.clientId(),
                token.sid(), token.authTime(), null, user.username()), access.value());
    }

    private static List<String> requestedScopes(TokenRequest request) {
        return request.parameters().get("scope").map(scope -> {
            var scopes = new LinkedHashSet<String>();
            for (String each : scope.split(" ", -1)) {
                if (!SCOPE_TOKEN.matcher(each).matches()) {
                    throw OAuthError.invalidScope("the scope parameter is malformed");
                }
                scopes.add(each);
            }
            return List.copyOf(scopes);
        }).orElse(null);
    }

    private static OAuthError invalid() {
        return OAuthError.invalidGrant("the refresh token is invalid, expired, revoked or already used");
    }
}
