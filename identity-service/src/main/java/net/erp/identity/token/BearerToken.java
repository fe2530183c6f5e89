package net.erp.identity.token;

import java.util.Locale;
import net.erp.contract.error.OAuthError;

/** Reads the token of an {@code Authorization: Bearer} header (RFC 6750 section 2.1). */
public final class BearerToken {

    private BearerToken() {
    }

    /** The token, or a 401 with {@code WWW-Authenticate: Bearer} when the header carries none. */
    public static String from(String authorization) {
        if (authorization == null) {
            throw OAuthError.missingToken();
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw OAuthError.missingToken();
        }
        String token = value.substring(space + 1).trim();
        if (token.isEmpty()) {
            throw OAuthError.missingToken();
        }
        return token;
    }
}
