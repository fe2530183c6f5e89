package net.erp.identity.signin;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.erp.identity.TestTenant;

/**
 * A browser at one test instance: follows no redirects, keeps the cookies it is given (the sign-in cookie, the
 * login form's cookie), and fills and submits the HTML forms it is shown (read from the HTML: the form's action
 * and its hidden inputs).
 */
public final class Browser {

    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private final TestTenant tenant;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Browser(TestTenant tenant) {
        this.tenant = tenant;
    }

    /** The sign-in cookie's value, or {@code null}. */
    public String cookie() {
        return cookies.get(SignInCookie.NAME);
    }

    public void cookie(String cookie) {
        cookie(SignInCookie.NAME, cookie);
    }

    /** Sets or (with {@code null}) drops a cookie. */
    public void cookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** A cookie's value, or {@code null}. */
    public String cookieNamed(String name) {
        return cookies.get(name);
    }

    /** Opens a URI of the instance (its path and query), with the cookie if there is one. */
    public Response open(URI uri) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return keep(request().get(target));
    }

    /** Submits the page's form with these fields added to its hidden ones. */
    public Response submit(Response page, Map<String, String> fields) {
        String html = page.asString();
        Matcher action = ACTION.matcher(html);
        if (!action.find()) {
            throw new AssertionError("the page has no form: " + html);
        }
        var form = new LinkedHashMap<String, String>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        form.putAll(fields);
        var body = new StringBuilder();
        for (var field : form.entrySet()) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return keep(request().contentType("application/x-www-form-urlencoded").body(body.toString())
                .post(unescape(action.group(1))));
    }

    /** Fills the login form. */
    public Response signIn(Response loginPage, String username, String password) {
        return submit(loginPage, Map.of("username", username, "password", password));
    }

    private RequestSpecification request() {
        RequestSpecification request = tenant.request().redirects().follow(false).urlEncodingEnabled(false);
        return cookies.isEmpty() ? request : request.cookies(Map.copyOf(cookies));
    }

    private Response keep(Response response) {
        for (String set : response.getHeaders().getValues("Set-Cookie")) {
            int equals = set.indexOf('=');
            int end = set.indexOf(';');
            if (equals > 0) {
                String value = set.substring(equals + 1, end < 0 ? set.length() : end);
                cookie(set.substring(0, equals), value.isEmpty() ? null : value);
            }
        }
        return response;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
