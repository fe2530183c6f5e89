package net.erp.identity.authorize;

import jakarta.ws.rs.core.Response;

/**
 * The login form (SPEC "OpenID Connect and OAuth 2.0 endpoints"): inputs {@code username} and
 * {@code password}, posted to {@link #ACTION} with the pending request's id in the hidden input
 * {@code request}. Every value is escaped.
 */
final class LoginPage {

    /** Where the form posts. */
    static final String ACTION = "/id/connect/authorize/login";

    private LoginPage() {
    }

    static Response show(AuthorizationRequest request, String requestId, String username, String message,
            int status) {
        var body = new StringBuilder();
        body.append("<p>Sign in to continue to <strong>").append(HtmlPage.escape(request.appName()))
                .append("</strong>.</p>\n");
        if (message != null) {
            body.append("<p role=\"alert\" class=\"error\">").append(HtmlPage.escape(message)).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(ACTION).append("\">\n")
                .append(HtmlPage.hidden("request", requestId)).append('\n')
                .append("<label>Username <input type=\"text\" name=\"username\" autocomplete=\"username\" ")
                .append("required value=\"").append(HtmlPage.escape(username)).append("\"></label>\n")
                .append("<label>Password <input type=\"password\" name=\"password\" ")
                .append("autocomplete=\"current-password\" required></label>\n")
                .append("<button type=\"submit\">Sign in</button>\n</form>");
        return HtmlPage.of(status, "Sign in", body.toString());
    }
}
