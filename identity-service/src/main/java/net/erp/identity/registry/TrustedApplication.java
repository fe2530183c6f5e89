package net.erp.identity.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The public record of a Trusted Application (SPEC "Trusted Applications"); it never holds a secret. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrustedApplication(String clientId, String name, String clientType, List<String> redirectUris,
        List<String> postLogoutRedirectUris, boolean internalUsersAllowed, boolean communityUsersAllowed,
        boolean systemUserAllowed, String systemUser, List<String> scopes, String referenceTokens, boolean enabled) {

    /** The scope only the operator's app holds; no app created through the API can be given it. */
    public static final String ADMIN_SCOPE = "admin";

    public boolean confidential() {
        return "CONFIDENTIAL".equals(clientType);
    }

    public List<String> redirectUris() {
        return redirectUris == null ? List.of() : redirectUris;
    }

    public List<String> postLogoutRedirectUris() {
        return postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris;
    }

    /** Who may issue reference tokens: {@code NONE}, {@code AUTHENTICATED_USERS} or {@code ADMINISTRATORS_ONLY}. */
    public String referenceTokens() {
        return referenceTokens == null ? "NONE" : referenceTokens;
    }

    public List<String> scopes() {
        return scopes == null ? List.of() : scopes;
    }

    /**
     * Those of the scopes granted earlier (to a code, a refresh token, a reference token) that the app still
     * holds: an app that lost a scope no longer lends it to new tokens (RFC 6749 section 6, never broader than
     * granted).
     */
    public List<String> stillAllowed(List<String> granted) {
        return granted.stream().filter(scopes()::contains).toList();
    }

    public boolean holdsAdmin() {
        return scopes().contains(ADMIN_SCOPE);
    }
}
