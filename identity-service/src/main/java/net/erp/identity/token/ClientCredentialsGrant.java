package net.erp.identity.token;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.identity.client.AuthenticatedClient;
import net.erp.identity.client.ClientAuthenticator;
import net.erp.identity.registry.TrustedApplication;
import org.jboss.logging.Logger;

/**
 * The client credentials grant (RFC 6749 section 4.4): a confidential app that allows its system user gets a
 * service token whose {@code sub} is that system user. Requested scopes must all be the app's; with none
 * requested it gets every scope of the app except {@code openid} and {@code offline_access}.
 */
@ApplicationScoped
class ClientCredentialsGrant implements Grant {

    private static final Logger AUDIT = Logger.getLogger("audit");
    /** RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Set<String> NOT_BY_DEFAULT = Set.of("openid", "offline_access");

    private final ClientAuthenticator clients;
    private final AccessTokenIssuer issuer;

    ClientCredentialsGrant(ClientAuthenticator clients, AccessTokenIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
    }

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public Uni<TokenResponse> grant(TokenRequest request) {
        List<String> requested = requestedScopes(request);
        return clients.authenticate(request.instance().instanceId(), request.credentials())
                .flatMap(client -> {
                    TrustedApplication app = requireSystemUser(client);
                    List<String> scopes = grantedScopes(app, requested);
                    return issuer.issue(request.instance(), app.systemUser(), app.clientId(), scopes, null, null)
                            .invoke(token -> audit(request, client, token));
                })
                .map(TokenResponse::bearer);
    }

    private static List<String> requestedScopes(TokenRequest request) {
        return request.parameters().get("scope").map(scope -> {
            var scopes = new LinkedHashSet<String>();
            for (String token : scope.split(" ", -1)) {
                if (!SCOPE_TOKEN.matcher(token).matches()) {
                    throw OAuthError.invalidScope("the scope parameter is malformed");
                }
                scopes.add(token);
            }
            return List.copyOf(scopes);
        }).orElse(null);
    }

    private static TrustedApplication requireSystemUser(AuthenticatedClient client) {
        TrustedApplication app = client.app();
        if (!app.systemUserAllowed() || app.systemUser() == null || app.systemUser().isBlank()) {
            throw OAuthError.unauthorizedClient("this app may not use the client_credentials grant");
        }
        return app;
    }

    private static List<String> grantedScopes(TrustedApplication app, List<String> requested) {
        if (requested == null) {
            return app.scopes().stream().filter(scope -> !NOT_BY_DEFAULT.contains(scope)).toList();
        }
        for (String scope : requested) {
            if (!app.scopes().contains(scope)) {
                throw OAuthError.invalidScope("the scope '" + scope + "' is not allowed for this app");
            }
        }
        return requested;
    }

    private static void audit(TokenRequest request, AuthenticatedClient client, AccessTokenIssuer.IssuedToken token) {
        AUDIT.infof("event=token.issued grant_type=client_credentials instance=%s client_id=%s jti=%s scope=\"%s\"",
                request.instance().instanceId(), client.clientId(), token.jti(), String.join(" ", token.scopes()));
    }
}
