package net.erp.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import net.erp.fixtures.browser.CookieJar;
import net.erp.fixtures.browser.HtmlForm;

/**
 * A person's browser, as far as these tests need one: it follows no redirect, keeps the cookies identity-service
 * sets (the sign-in cookie, the login form's cookie), and fills in and submits the HTML forms it is shown, reading
 * their action and hidden inputs from the page as a browser would.
 */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final CookieJar cookies = new CookieJar();

    HttpResponse<String> open(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** Submits the form of {@code page} with {@code fields} added to its hidden inputs. */
    HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
        HtmlForm form = HtmlForm.of(page.body());
        return send(HttpRequest.newBuilder(page.uri().resolve(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.body(fields))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        String cookie = cookies.header();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            cookies.accept(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new AssertionError("the browser could not reach " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
