package net.erp.registry.app;

import static net.erp.registry.rules.Fields.invalid;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.erp.registry.rules.Fields;

/**
 * The rules of a Trusted Application that need no look-up; {@link AppService} adds those that do (scopes
 * of the instance, a unique client id). {@link #check} answers the record as it is stored.
 */
final class AppRules {

    /** An application URI such as {@code com.vendor/app} or {@code urn:vendor:app}: no space, no %, no ?#. */
    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~:/@+-]{0,199}");

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final int MAX_URIS = 50;
    private static final int MAX_SCOPES = 100;

    private AppRules() {
    }

    static AppRecord check(AppRecord request, String pathClientId) {
        if (request == null) {
            throw Fields.missingBody();
        }
        String clientId = clientId(request.clientId(), pathClientId);
        String name = Fields.text("name", request.name(), 200);
        ClientType type = request.clientType();
        if (type == null) {
            throw invalid("clientType", "is required: PUBLIC or CONFIDENTIAL");
        }
        List<String> redirectUris = uris("redirectUris", request.redirectUris());
        List<String> logoutUris = uris("postLogoutRedirectUris", request.postLogoutRedirectUris());
        boolean internalUsers = Fields.flag(request.internalUsersAllowed(), false);
        boolean communityUsers = Fields.flag(request.communityUsersAllowed(), false);
        if ((internalUsers || communityUsers) && redirectUris.isEmpty()) {
            throw invalid("redirectUris", "an app that signs users in needs at least one redirect URI");
        }
        boolean systemUserAllowed = Fields.flag(request.systemUserAllowed(), false);
        String systemUser = systemUser(type, systemUserAllowed, request.systemUser());
        List<String> scopes = scopes(request.scopes());
        ReferenceTokenPolicy referenceTokens = request.referenceTokens() == null ? ReferenceTokenPolicy.NONE
                : request.referenceTokens();
        return new AppRecord(clientId, name, type, redirectUris, logoutUris, internalUsers, communityUsers,
                systemUserAllowed, systemUser, scopes, referenceTokens, Fields.flag(request.enabled(), true));
    }

    private static String clientId(String clientId, String pathClientId) {
        if (pathClientId != null) {
            if (clientId != null && !clientId.equals(pathClientId)) {
                throw invalid("clientId", "does not match the app of the path; an app keeps its client id");
            }
            return pathClientId;
        }
        Fields.text("clientId", clientId, 200);
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw invalid("clientId", "must be an application URI of letters, digits and . _ ~ : / @ + -, "
                    + "starting with a letter or digit");
        }
        return clientId;
    }

    private static String systemUser(ClientType type, boolean allowed, String systemUser) {
        if (type == ClientType.PUBLIC && allowed) {
            throw invalid("systemUserAllowed", "a PUBLIC app has no system user");
        }
        if (!allowed && systemUser != null) {
            throw invalid("systemUser", "only an app with systemUserAllowed has a system user");
        }
        if (allowed && systemUser == null) {
            throw invalid("systemUser", "is required when systemUserAllowed is true");
        }
        return Fields.optionalText("systemUser", systemUser, 200);
    }

    private static List<String> scopes(List<String> values) {
        List<String> scopes = Fields.list("scopes", values, MAX_SCOPES);
        for (int i = 0; i < scopes.size(); i++) {
            Fields.text("scopes[" + i + "]", scopes.get(i), 100);
        }
        return scopes;
    }

    private static List<String> uris(String field, List<String> values) {
        List<String> uris = Fields.list(field, values, MAX_URIS);
        for (int i = 0; i < uris.size(); i++) {
            redirectUri(field + "[" + i + "]", uris.get(i));
        }
        return uris;
    }

    /** RFC 6749 3.1.2 and RFC 8252 7.3: absolute, no fragment, https unless the host is a loopback one. */
    private static void redirectUri(String field, String value) {
        Fields.text(field, value, 2000);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(field, "is not a valid URI");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw invalid(field, "must be an absolute URI with a host");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(field, "must not have a fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw invalid(field, "must use https; http only on localhost, 127.0.0.1 or [::1]");
        }
    }
}
