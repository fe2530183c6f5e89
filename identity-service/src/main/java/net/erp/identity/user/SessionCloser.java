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
 * Asks session-service to close the sessions of a user or of one sign-in at once (docs/service-contract.md).
 * Best effort: the tokens are already cut off on the revocation list, so a session-service that cannot be
 * reached costs only licence seats until its sessions time out, and is logged.
 */
@ApplicationScoped
public class SessionCloser {

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

    /** Closes every session of the user {@code subject}. */
    public Uni<Void> closeSessionsOf(String instanceId, String subject) {
        return close(instanceId, new JsonObject().put("subject", subject), "user " + subject);
    }

    /** Closes the sessions of the sign-in {@code sid} (a reference token is a sign-in of its own). */
    public Uni<Void> closeSignIn(String instanceId, String sid) {
        return close(instanceId, new JsonObject().put("sid", sid), "sign-in " + sid);
    }

    private Uni<Void> close(String instanceId, JsonObject which, String whose) {
        String url = baseUrl + "/internal/instances/" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8)
                + "/sessions/close";
        return web.postAbs(url).putHeader(InternalCallFilter.HEADER, internalSecret).timeout(TIMEOUT_MILLIS)
                .sendJsonObject(which)
                .invoke(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("session-service answered %d when closing the sessions of %s in %s",
                                response.statusCode(), whose, instanceId);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("session-service cannot be reached to close the sessions "
                        + "of %s in %s: %s", whose, instanceId, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
