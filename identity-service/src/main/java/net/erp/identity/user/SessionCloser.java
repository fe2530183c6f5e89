package net.erp.identity.user;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.erp.contract.internal.InternalCallFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks session-service to close a user's sessions at once (docs/service-contract.md). Best effort: the user's
 * tokens are already cut off on the revocation list, so a session-service that cannot be reached costs only
 * licence seats until its sessions time out, and is logged.
 */
@ApplicationScoped
class SessionCloser {

    private static final Logger LOG = Logger.getLogger(SessionCloser.class);
    private static final long TIMEOUT_MILLIS = 3_000;

    private final WebClient web;
    private final String baseUrl;
    private final String internalSecret;

    SessionCloser(Vertx vertx, @ConfigProperty(name = "platform.session-url") String baseUrl,
            @ConfigProperty(name = "platform.internal-secret") Optional<String> internalSecret) {
        this.web = WebClient.create(vertx);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.internalSecret = internalSecret.orElse("");
    }

    @PreDestroy
    void close() {
        web.close();
    }

    Uni<Void> closeSessionsOf(String instanceId, String subject) {
        String url = baseUrl + "/internal/instances/" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8)
                + "/sessions/close";
        return web.postAbs(url).putHeader(InternalCallFilter.HEADER, internalSecret).timeout(TIMEOUT_MILLIS)
                .sendJsonObject(new JsonObject().put("subject", subject))
                .invoke(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("session-service answered %d when closing the sessions of user %s in %s",
                                response.statusCode(), subject, instanceId);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("session-service cannot be reached to close the sessions "
                        + "of user %s in %s: %s", subject, instanceId, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
