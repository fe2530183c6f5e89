package net.erp.registry.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while identity-service's JWKS answers 200: without it no admin token can be verified. The
 * answer is kept for {@code registry.jwks-check.cache}, so that probes do not load identity-service.
 */
@Readiness
@ApplicationScoped
public class IdentityJwksCheck implements AsyncHealthCheck {

    private static final String NAME = "identity JWKS";

    private final HttpClient http;
    private final String jwksUrl;
    private final Duration cacheFor;
    private final Duration timeout;
    private volatile Answer last;

    IdentityJwksCheck(Vertx vertx, @ConfigProperty(name = "mp.jwt.verify.publickey.location") String jwksUrl,
            @ConfigProperty(name = "registry.jwks-check.cache") Duration cacheFor,
            @ConfigProperty(name = "registry.jwks-check.timeout") Duration timeout) {
        this.http = vertx.createHttpClient();
        this.jwksUrl = jwksUrl;
        this.cacheFor = cacheFor;
        this.timeout = timeout;
    }

    private record Answer(boolean up, String detail, Instant at) {
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Answer cached = last;
        if (cached != null && cached.at().plus(cacheFor).isAfter(Instant.now())) {
            return Uni.createFrom().item(response(cached));
        }
        return fetch().invoke(answer -> last = answer).map(IdentityJwksCheck::response);
    }

    private Uni<Answer> fetch() {
        var request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUrl)
                .setTimeout(timeout.toMillis());
        return http.request(request)
                .chain(call -> call.send())
                .call(HttpClientResponse::body)
                .map(response -> new Answer(response.statusCode() == 200, "status " + response.statusCode(),
                        Instant.now()))
                .onFailure().recoverWithItem(e -> new Answer(false, "unreachable", Instant.now()));
    }

    private static HealthCheckResponse response(Answer answer) {
        return HealthCheckResponse.named(NAME).status(answer.up()).withData("jwks", answer.detail()).build();
    }
}
