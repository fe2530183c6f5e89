package net.erp.identity.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.contract.internal.InternalCallFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * registry-service's internal API (docs/service-contract.md, "Internal calls"), called without blocking.
 * A registry that cannot be reached, or answers with anything unexpected, is a 503 temporarily_unavailable
 * for the caller: nothing is granted on a guess.
 */
@ApplicationScoped
class Registry {

    private static final Logger LOG = Logger.getLogger(Registry.class);

    private final WebClient web;
    private final ObjectMapper json;
    private final String baseUrl;
    private final String internalSecret;
    private final long timeoutMillis;

    Registry(Vertx vertx, ObjectMapper json, @ConfigProperty(name = "platform.registry-url") String baseUrl,
            @ConfigProperty(name = "platform.internal-secret") Optional<String> internalSecret,
            @ConfigProperty(name = "identity.registry.timeout") Duration timeout) {
        this.web = WebClient.create(vertx);
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.internalSecret = internalSecret.orElse("");
        this.timeoutMillis = timeout.toMillis();
    }

    @PreDestroy
    void close() {
        web.close();
    }

    /** The instance that lists {@code host} (lower case, no port), or empty. */
    Uni<Optional<Instance>> instanceByHost(String host) {
        return send(web.getAbs(baseUrl + "/internal/hosts/" + segment(host)), null, Instance.class);
    }

    /** The instance of that id, or empty. */
    Uni<Optional<Instance>> instance(String instanceId) {
        return send(web.getAbs(baseUrl + "/internal/instances/" + segment(instanceId)), null, Instance.class);
    }

    /** The app's public record, or empty for an unknown app. */
    Uni<Optional<TrustedApplication>> app(String instanceId, String clientId) {
        String url = baseUrl + "/internal/instances/" + segment(instanceId) + "/apps/" + segment(clientId);
        return send(web.getAbs(url), null, TrustedApplication.class);
    }

    /** Whether {@code secret} (null for a public app) authenticates the app; empty for an unknown app. */
    Uni<Optional<AppAuthentication>> authenticate(String instanceId, String clientId, String secret) {
        String url = baseUrl + "/internal/instances/" + segment(instanceId) + "/apps/" + segment(clientId)
                + "/authenticate";
        return send(web.postAbs(url), new JsonObject().put("secret", secret), AppAuthentication.class);
    }

    private <T> Uni<Optional<T>> send(HttpRequest<Buffer> request, JsonObject body, Class<T> type) {
        request.putHeader(InternalCallFilter.HEADER, internalSecret).timeout(timeoutMillis);
        Uni<HttpResponse<Buffer>> response = body == null ? request.send() : request.sendJsonObject(body);
        return response
                .onFailure().transform(failure -> unreachable(request, failure))
                .map(answer -> read(request, answer, type));
    }

    private <T> Optional<T> read(HttpRequest<Buffer> request, HttpResponse<Buffer> answer, Class<T> type) {
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200 || answer.body() == null) {
            LOG.warnf("registry-service answered %d to %s", answer.statusCode(), request.uri());
            throw OAuthError.unavailable("the registry could not be asked; try again");
        }
        try {
            return Optional.of(json.readValue(answer.body().getBytes(), type));
        } catch (IOException e) {
            LOG.errorf(e, "registry-service answered %s with a body this service cannot read", request.uri());
            throw OAuthError.unavailable("the registry could not be asked; try again");
        }
    }

    private static Throwable unreachable(HttpRequest<Buffer> request, Throwable failure) {
        if (failure instanceof OAuthError) {
            return failure;
        }
        LOG.warnf("registry-service cannot be reached at %s: %s", request.uri(), failure.toString());
        return OAuthError.unavailable("the registry cannot be reached; try again");
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
