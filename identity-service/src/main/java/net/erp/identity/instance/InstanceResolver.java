package net.erp.identity.instance;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.identity.registry.RegistryLookup;

/**
 * Chooses the instance of a request by its host (SPEC "Instances"). The host and scheme are the request's
 * own unless proxy forwarding is enabled ({@code PROXY_FORWARDING}), in which case the HTTP layer has already
 * applied {@code Forwarded} / {@code X-Forwarded-*}. Matching ignores the port; the issuer keeps it.
 */
@ApplicationScoped
public class InstanceResolver {

    /** A host name or bracketed IPv6 literal, with an optional port; anything else names no instance. */
    private static final Pattern AUTHORITY =
            Pattern.compile("(?:[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(?::\\d{1,5})?");

    private final RegistryLookup registry;

    InstanceResolver(RegistryLookup registry) {
        this.registry = registry;
    }

    public Uni<InstanceContext> resolve(HttpServerRequest request) {
        String authority = request.host();
        if (authority == null || !AUTHORITY.matcher(authority).matches()) {
            return Uni.createFrom().failure(unknown());
        }
        String scheme = "https".equalsIgnoreCase(request.scheme()) ? "https" : "http";
        String authorityLower = authority.toLowerCase(Locale.ROOT);
        return registry.instanceByHost(hostOf(authorityLower))
                .map(found -> found.orElseThrow(InstanceResolver::unknown))
                .map(instance -> new InstanceContext(instance, scheme + "://" + authorityLower + "/id"));
    }

    static String hostOf(String authority) {
        int bracket = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        return colon > bracket ? authority.substring(0, colon) : authority;
    }

    private static OAuthError unknown() {
        return OAuthError.notFound("unknown_instance", "no instance answers on this host");
    }
}
