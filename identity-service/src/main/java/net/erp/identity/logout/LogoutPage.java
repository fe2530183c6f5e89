package net.erp.identity.logout;

import jakarta.ws.rs.core.Response;
import net.erp.identity.authorize.HtmlPage;
import net.erp.identity.signin.SignIn;

/** The sign-out confirmation form and the "signed out" page; every value escaped. */
final class LogoutPage {

    private LogoutPage() {
    }

    static Response confirm(SignIn signIn, String action, String clientId, String redirectUri, String state) {
        var body = new StringBuilder();
        body.append("<p>Sign out <strong>").append(HtmlPage.escape(signIn.username()))
                .append("</strong> from every application of this instance?</p>\n")
                .append("<form method=\"post\" action=\"").append(action).append("\">\n")
                .append(HtmlPage.hidden("logout_token", signIn.logoutToken())).append('\n');
        if (clientId != null) {
            body.append(HtmlPage.hidden("client_id", clientId)).append('\n');
        }
        if (redirectUri != null) {
            body.append(HtmlPage.hidden("post_logout_redirect_uri", redirectUri)).append('\n');
        }
        if (state != null) {
            body.append(HtmlPage.hidden("state", state)).append('\n');
        }
        body.append("<button type=\"submit\">Sign out</button>\n</form>");
        return HtmlPage.of(200, "Sign out", body.toString());
    }

    static Response signedOut() {
        return HtmlPage.of(200, "Signed out", "<p>You are signed out. You may close this window.</p>");
    }
}
