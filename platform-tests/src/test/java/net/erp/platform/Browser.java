package net.erp.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser, as far as these tests need one: it follows no redirect, keeps the sign-in cookie of
 * identity-service, and fills in and submits the HTML forms it is shown, reading their action and hidden
 * inputs from the page as a browser would.
 */
final class Browser {

    private static final String COOKIE = "erp_signin";
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    HttpResponse<String> open(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** Submits the form of {@code page} with {@code fields} added to its hidden inputs. */
    HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
        String html = page.body();
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
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        URI target = page.uri().resolve(unescape(action.group(1)));
        return send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", COOKIE + "=" + cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(set -> set.startsWith(COOKIE + "="))
                    .forEach(set -> {
                        String value = set.substring(COOKIE.length() + 1, set.indexOf(';'));
                        cookie = value.isEmpty() ? null : value;
                    });
            return response;
        } catch (IOException e) {
            throw new AssertionError("the browser could not reach " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
