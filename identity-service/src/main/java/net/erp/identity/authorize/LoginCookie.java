package net.erp.identity.authorize;

import java.util.regex.Pattern;
import net.erp.identity.signin.SignInStore;

/**
 * The cookie that binds a pending authorization request to the browser that asked for it, so that the login
 * form's POST works only from that browser (login cross-site request forgery, RFC 6749 section 10.12): another
 * browser, or a page of another site posting a request id it obtained itself, lacks the cookie. Host-only,
 * scoped to the authorize path, HttpOnly, SameSite=Lax (a cross-site POST does not carry it), Secure when the
 * issuer is https, a session cookie. One value serves every pending request of the browser, so that two tabs
 * can each sign in.
 */
final class LoginCookie {

    /** The cookie's name. */
    static final String NAME = "erp_login";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32}");

    private LoginCookie() {
    }

    /** The browser's value when it sent a well-formed one, else {@code null}. */
    static String presented(String cookie) {
        return cookie != null && SHAPE.matcher(cookie).matches() ? cookie : null;
    }

    /** A new value: 192 random bits. */
    static String create() {
        return SignInStore.random(24);
    }

    /** The {@code Set-Cookie} value for the issuer. */
    static String set(String issuer, String value) {
        return NAME + "=" + value + "; Path=/id/connect/authorize; HttpOnly; SameSite=Lax"
                + (issuer.startsWith("https://") ? "; Secure" : "");
    }
}
