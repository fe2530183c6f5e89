package net.erp.identity.signin;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;
import net.erp.fixtures.browser.CookieJar;
import net.erp.fixtures.browser.HtmlForm;
import net.erp.identity.TestTenant;

/**
 * A browser at one test instance: follows no redirects, keeps the cookies it is given (the sign-in cookie, the
 * login form's cookie), and fills and submits the HTML forms it is shown (read from the HTML: the form's action
 * and its hidden inputs).
 */
public final class Browser {

    private final TestTenant tenant;
    private final CookieJar cookies = new CookieJar();

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
        cookies.put(name, value);
    }

    /** A cookie's value, or {@code null}. */
    public String cookieNamed(String name) {
        return cookies.get(name);
    }

    /** Opens a URI of the instance (its path and query), with the cookies it holds. */
    public Response open(URI uri) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return keep(request().get(target));
    }

    /** Submits the page's form with these fields added to its hidden ones. */
    public Response submit(Response page, Map<String, String> fields) {
        HtmlForm form = HtmlForm.of(page.asString());
        return keep(request().contentType("application/x-www-form-urlencoded").body(form.body(fields))
                .post(form.action()));
    }

    /** Fills the login form. */
    public Response signIn(Response loginPage, String username, String password) {
        return submit(loginPage, Map.of("username", username, "password", password));
    }

    private RequestSpecification request() {
        RequestSpecification request = tenant.request().redirects().follow(false).urlEncodingEnabled(false);
        Map<String, String> all = cookies.all();
        return all.isEmpty() ? request : request.cookies(all);
    }

    private Response keep(Response response) {
        cookies.accept(response.getHeaders().getValues("Set-Cookie"));
        return response;
    }
}
