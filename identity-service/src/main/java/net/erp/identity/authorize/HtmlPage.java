package net.erp.identity.authorize;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The HTML pages a browser sees (login, errors, logout): one small layout, every value escaped, never cached
 * and never framed (clickjacking).
 */
public final class HtmlPage {

    private HtmlPage() {
    }

    /** A page with {@code status}; {@code body} is HTML the caller escaped. */
    public static Response of(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title></head>\n<body>\n<main>\n<h1>" + escape(title) + "</h1>\n"
                + body + "\n</main>\n</body></html>\n";
        return Response.status(status)
                .type("text/html; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                // No form-action: browsers apply it to the redirect that answers the form, and that goes to the app.
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer")
                .entity(html)
                .build();
    }

    /** An error page that names the problem and links nowhere (the redirect URI could not be trusted). */
    public static Response error(int status, String description) {
        return of(status, "Sign-in error", "<p>" + escape(description) + "</p>");
    }

    /** Escapes a value for HTML text and double-quoted attributes. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        var escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A hidden form input. */
    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }
}
