package net.erp.registry.secret;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import net.erp.registry.app.AppRecord;
import net.erp.registry.app.ClientType;
import net.erp.registry.app.TrustedApplication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Checks a client's credentials for identity-service's token endpoint (RFC 6749 section 2.3): one indexed
 * query fetches the app with its unexpired secrets, and the presented secret's HMAC is compared with each
 * in constant time. A public app authenticates without a secret; a disabled app never does.
 */
@ApplicationScoped
public class ClientAuthentication {

    private static final String APP_WITH_ACTIVE_SECRETS = "select a, s from TrustedApplication a "
            + "left join ClientSecret s on s.app = a and (s.expiresAt is null or s.expiresAt > :now) "
            + "where a.instanceId = :instance and a.clientId = :client";

    private final SecretHasher hasher;

    ClientAuthentication(SecretHasher hasher) {
        this.hasher = hasher;
    }

    /** The outcome for an app; {@code null} when the instance has no such app. */
    public Uni<Outcome> authenticate(String instanceId, String clientId, String presented) {
        Instant now = Instant.now();
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createSelectionQuery(APP_WITH_ACTIVE_SECRETS, Object[].class)
                        .setParameter("now", now)
                        .setParameter("instance", instanceId)
                        .setParameter("client", clientId)
                        .getResultList()))
                .map(rows -> rows.isEmpty() ? null : outcome(rows, presented));
    }

    private Outcome outcome(List<Object[]> rows, String presented) {
        var app = (TrustedApplication) rows.get(0)[0];
        if (app.clientType == ClientType.PUBLIC) {
            return new Outcome(AppRecord.of(app), app.enabled && presented == null, null);
        }
        if (presented == null) {
            return new Outcome(AppRecord.of(app), false, null);
        }
        byte[] hash = hasher.hash(presented);
        ClientSecret match = null;
        for (Object[] row : rows) {
            if (row[1] instanceof ClientSecret secret && SecretHasher.matches(hash, secret.hash) && match == null) {
                match = secret;
            }
        }
        return new Outcome(AppRecord.of(app), app.enabled && match != null, match == null ? null : match.expiresAt);
    }

    /**
     * What the check found.
     *
     * @param app the app's public record
     * @param authenticated whether the app is enabled and the credentials are good
     * @param secretExpiresAt when the matching secret expires; {@code null} when it never does or none matched
     */
    @Schema(name = "AuthenticationOutcome")
    public record Outcome(AppRecord app, boolean authenticated, Instant secretExpiresAt) {
    }
}
