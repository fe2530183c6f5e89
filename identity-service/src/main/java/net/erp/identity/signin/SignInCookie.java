package net.erp.identity.signin;

/**
 * The browser sign-in cookie: host-only, scoped to {@code /id}, HttpOnly, SameSite=Lax (so that a top-level
 * navigation from an app to the authorize endpoint carries it, and a cross-site POST does not), and Secure
 * when the issuer is https. A session cookie: the sign-in's lifetime is kept in Redis.
 */
public final class SignInCookie {

    /** The cookie's name. */
    public static final String NAME = "erp_signin";

    private SignInCookie() {
    }

    /** The {@code Set-Cookie} value that sets the cookie for the issuer. */
    public static String set(String issuer, String value) {
        return NAME + "=" + value + attributes(issuer);
    }

    /** The {@code Set-Cookie} value that removes the cookie. */
    public static String clear(String issuer) {
        return NAME + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + attributes(issuer);
    }

    private static String attributes(String issuer) {
        return "; Path=/id; HttpOnly; SameSite=Lax" + (issuer.startsWith("https://") ? "; Secure" : "");
    }
}
