package net.erp.identity.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import net.erp.contract.http.OversizeBodyRefusal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body cap ({@code quarkus.http.limits.max-body-size}) for a body sent without {@code Content-Length}
 * (chunked): such a body is read here, up to the cap, before the REST layer sees it, and one that passes the
 * cap is refused with 413 and an RFC 6749 error body. Without this the REST layer finds the excess itself and
 * answers an empty 413. A body that declares its length is refused before it is read (service-contract's
 * {@code OversizeBodyRefusal}); a body within the cap reaches the resources as it came.
 */
@ApplicationScoped
public class ChunkedBodyLimit {

    private final Optional<MemorySize> limit;

    ChunkedBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1)
                // After Quarkus's own check of a declared length, before the REST layer reads the body.
                .handler(context -> {
                    if (chunked(context) && !context.request().isEnded()) {
                        read(max.asLongValue(), context);
                    } else {
                        context.next();
                    }
                }));
    }

    /** Reads the body into the routing context, where the REST layer takes it from, or refuses it past the cap. */
    private static void read(long max, RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        AtomicBoolean refused = new AtomicBoolean();
        request.handler(chunk -> {
            if (refused.get()) {
                return;
            }
            if ((long) body.length() + chunk.length() > max) {
                refused.set(true);
                OversizeBodyRefusal.tooLarge(context, max);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!refused.get()) {
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private static boolean chunked(RoutingContext context) {
        return context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH) == null
                && context.request().getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null;
    }
}
