package net.erp.contract.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} passes {@code quarkus.http.limits.max-body-size}
 * with 413 and an RFC 6749 error body. Quarkus's own check, one route later, answers such a request with an
 * empty 413 before any exception mapper could write one. A chunked body, which declares no length, is counted
 * as it is read (identity-service's {@code ChunkedBodyLimit}).
 */
@ApplicationScoped
public class OversizeBodyRefusal {

    private final Optional<MemorySize> limit;

    OversizeBodyRefusal(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> refuseOver(max.asLongValue(), context)));
    }

    private static void refuseOver(long max, RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (declared == null || !declaredOver(declared, max)) {
            context.next();
            return;
        }
        tooLarge(context, max);
    }

    /** Answers 413 with an RFC 6749 error body, also for a chunked body found over the cap as it is read. */
    public static void tooLarge(RoutingContext context, long max) {
        String body = new JsonObject().put("error", "invalid_request")
                .put("error_description", "the request body is larger than " + max + " bytes").encode();
        context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .putHeader(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .end(body);
    }

    private static boolean declaredOver(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
