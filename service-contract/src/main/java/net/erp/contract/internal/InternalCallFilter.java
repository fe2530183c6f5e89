package net.erp.contract.internal;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the service-to-service endpoints under {@code /internal/}: the caller proves it is one of the
 * platform's services with the shared secret {@code INTERNAL_API_SECRET} in the
 * {@value #HEADER} header. The secret is compared in constant time and never logged.
 */
@Singleton
public class InternalCallFilter {

    /** The request header that carries the shared secret. */
    public static final String HEADER = "X-Internal-Secret";

    private final byte[] secret;

    public InternalCallFilter(@ConfigProperty(name = "platform.internal-secret") Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    void requireSecret(@Observes StartupEvent start) {
        if (secret == null) {
            throw new IllegalStateException("INTERNAL_API_SECRET is not set: the services cannot call each other");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/internal/") || path.equals("/internal/jwks")) {
            return;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null) {
            throw OAuthError.of(401, "invalid_client", "internal calls need the " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw OAuthError.of(401, "invalid_client", "the " + HEADER + " header is wrong");
        }
    }
}
