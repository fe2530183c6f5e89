package net.erp.identity.reference;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import net.erp.contract.error.OAuthError;
import net.erp.identity.access.InstanceCaller;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.registry.TrustedApplication;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Issues reference tokens (SPEC "Reference tokens"): checks the request, the app and its policy, then stores
 * the token's SHA-256 and hands the value out once. Nothing is stored on any refusal.
 */
@ApplicationScoped
class ReferenceTokenIssuer {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private final RegistryLookup registry;
    private final ReferenceTokenStore store;
    private final Duration maxLifetime;

    ReferenceTokenIssuer(RegistryLookup registry, ReferenceTokenStore store,
            @ConfigProperty(name = "identity.reference-token.max-lifetime") Duration maxLifetime) {
        this.registry = registry;
        this.store = store;
        this.maxLifetime = maxLifetime;
    }

    Uni<IssuedReferenceToken> issue(String instanceId, InstanceCaller caller, NewReferenceToken request) {
        // Microseconds, as PostgreSQL keeps them: the listing's order by creation is then the real one.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        NewReferenceToken.Checked checked = request.checked(now, maxLifetime);
        return registry.app(instanceId, checked.clientId())
                .map(found -> found.filter(TrustedApplication::enabled).orElseThrow(() ->
                        OAuthError.invalidRequest("clientId names no enabled app of this instance")))
                .invoke(app -> IssuePolicy.requireAllowed(app.referenceTokens(), caller, checked.kind(),
                        checked.subject()))
                .invoke(app -> requireScopes(app, checked))
                .flatMap(app -> subjectFor(instanceId, app, checked))
                .flatMap(subject -> store(instanceId, caller, checked, subject, now));
    }

    private Uni<IssuedReferenceToken> store(String instanceId, InstanceCaller caller,
            NewReferenceToken.Checked checked, String subject, Instant now) {
        String value = ReferenceTokenValue.generate(checked.kind());
        var token = new ReferenceToken(ReferenceTokenValue.newId(), instanceId, checked.kind(), checked.clientId(),
                subject, null, checked.scopes(), checked.description(), now, caller.subject(), checked.expiresAt(),
                null, null);
        return store.insert(token, ReferenceTokenValue.hash(value))
                .invoke(() -> AUDIT.infof("event=reference_token.created instance=%s client_id=%s id=%s kind=%s "
                        + "by=%s", instanceId, token.clientId(), token.id(), token.kind(), caller.subject()))
                .replaceWith(() -> IssuedReferenceToken.of(token, value));
    }

    private static void requireScopes(TrustedApplication app, NewReferenceToken.Checked checked) {
        for (String scope : checked.scopes()) {
            if (!app.scopes().contains(scope)) {
                throw OAuthError.invalidRequest("scopes: '" + scope + "' is not a scope of the app");
            }
        }
    }

    /** A SAT's subject is the app's system user; a PAT's is a user of the instance the app admits. */
    private Uni<String> subjectFor(String instanceId, TrustedApplication app, NewReferenceToken.Checked checked) {
        if (checked.kind() == ReferenceTokenKind.SAT) {
            if (!app.systemUserAllowed() || app.systemUser() == null || app.systemUser().isBlank()) {
                throw OAuthError.invalidRequest("clientId: a SAT needs an app that allows its system user");
            }
            return Uni.createFrom().item(app.systemUser());
        }
        return store.member(instanceId, checked.subject()).map(found -> {
            var user = found.orElseThrow(() -> OAuthError.invalidRequest("subject is not a user of this instance"));
            boolean admitted = "COMMUNITY".equals(user.kind()) ? app.communityUsersAllowed()
                    : app.internalUsersAllowed();
            if (!admitted) {
                throw OAuthError.invalidRequest("subject: the app does not admit "
                        + user.kind().toLowerCase(Locale.ROOT) + " users");
            }
            return user.id();
        });
    }
}
