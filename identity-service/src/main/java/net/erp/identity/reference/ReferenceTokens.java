package net.erp.identity.reference;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.erp.contract.InstanceAudience;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.Revocation;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.client.AuthenticatedClient;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.registry.TrustedApplication;
import net.erp.identity.token.VerifiedAccessToken;
import net.erp.identity.user.SessionCloser;
import org.jboss.logging.Logger;

/**
 * Checks and revokes reference tokens (SPEC "Reference tokens") for the endpoints that accept them. A token
 * is active while it is not revoked (in the table or on the revocation list), not expired, its app exists and
 * is enabled and, for a PAT, its user exists. It carries only the scopes its app still has, and is inactive when
 * none is left. Revoking lists its id as {@code jti} and {@code sid} until it
 * expires (RFC 7009 section 2), marks it revoked, and closes its session.
 */
@ApplicationScoped
public class ReferenceTokens {

    private static final Logger LOG = Logger.getLogger(ReferenceTokens.class);
    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ReferenceTokenStore store;
    private final RegistryLookup registry;
    private final RevocationList revocations;
    private final SessionCloser sessions;

    ReferenceTokens(ReferenceTokenStore store, RegistryLookup registry, RevocationList revocations,
            SessionCloser sessions) {
        this.store = store;
        this.registry = registry;
        this.revocations = revocations;
        this.sessions = sessions;
    }

    /** Whether {@code token} is meant as a reference token (its prefix), so it is never read as a JWT. */
    public static boolean looksLike(String token) {
        return ReferenceTokenValue.hasPrefix(token);
    }

    /**
     * An active reference token of {@code instance}, as the claims a JWT would carry; anything else is 401
     * {@code invalid_token} (RFC 6750 section 3.1). A SAT has no username, so it reads as a service token.
     */
    public Uni<VerifiedAccessToken> verify(String value, InstanceContext instance) {
        return active(value)
                .map(found -> found.filter(token -> token.instanceId().equals(instance.instanceId()))
                        .orElseThrow(() -> OAuthError.invalidToken("the token is not active")))
                .map(token -> claims(token, instance));
    }

    /**
     * Revokes a reference token of {@code instance} for RFC 7009: by its own app or the operator. An unknown
     * token, or another instance's, is not an error (section 2.2).
     */
    public Uni<Void> revoke(String value, InstanceContext instance, AuthenticatedClient caller) {
        if (!ReferenceTokenValue.wellFormed(value)) {
            return Uni.createFrom().voidItem();
        }
        return store.findByHash(ReferenceTokenValue.hash(value)).flatMap(found -> {
            if (found.isEmpty() || !found.get().instanceId().equals(instance.instanceId())) {
                return Uni.createFrom().voidItem();
            }
            if (!caller.operator() && !found.get().clientId().equals(caller.clientId())) {
                throw OAuthError.unauthorizedClient("the token was not issued to this client");
            }
            return revoke(found.get(), caller.clientId());
        });
    }

    /** The token the value names when it is active, of whatever instance; records its use. */
    Uni<Optional<ReferenceToken>> active(String value) {
        if (!ReferenceTokenValue.wellFormed(value)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Instant now = Instant.now();
        return store.findByHash(ReferenceTokenValue.hash(value))
                .flatMap(found -> found.filter(token -> token.live(now)).filter(this::userPresent)
                        .map(this::stillGranted)
                        .orElse(Uni.createFrom().item(Optional.empty())))
                .call(found -> found.map(token -> recordUse(token, now)).orElse(Uni.createFrom().voidItem()));
    }

    /** Lists the token as revoked, marks it revoked and closes its session; nothing when it already was. */
    Uni<Void> revoke(ReferenceToken token, String by) {
        Instant now = Instant.now();
        return list(token, now)
                .flatMap(listed -> store.markRevoked(token.id(), now))
                .call(revoked -> revoked ? sessions.closeSignIn(token.instanceId(), token.id())
                        : Uni.createFrom().voidItem())
                .invoke(revoked -> {
                    if (revoked) {
                        AUDIT.infof("event=reference_token.revoked instance=%s client_id=%s id=%s kind=%s by=%s",
                                token.instanceId(), token.clientId(), token.id(), token.kind(), by);
                    }
                })
                .replaceWithVoid();
    }

    /** Revokes every PAT of the user, one after the other. */
    Uni<Void> revokePatsOf(String instanceId, String userId, String by) {
        return store.unrevokedPats(instanceId, userId).flatMap(found -> revokeAll(found, by));
    }

    private Uni<Void> revokeAll(List<ReferenceToken> found, String by) {
        if (found.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return revoke(found.get(0), by).flatMap(done -> revokeAll(found.subList(1, found.size()), by));
    }

    /** The revocation list first: should the table write fail, every verifier refuses the token already. */
    private Uni<Void> list(ReferenceToken token, Instant now) {
        if (!token.expiresAt().isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        return revocations.revokeToken(token.instanceId(), token.id(), token.expiresAt())
                .call(() -> revocations.endSignIn(token.instanceId(), token.id(),
                        Duration.between(now, token.expiresAt())))
                .onFailure().transform(failure -> {
                    LOG.warnf("the revocation list cannot be written: %s", failure.toString());
                    return OAuthError.unavailable("the revocation list cannot be written; try again");
                });
    }

    private boolean userPresent(ReferenceToken token) {
        return !token.personal() || token.username() != null;
    }

    private Uni<Optional<ReferenceToken>> stillGranted(ReferenceToken token) {
        Revocation revocation = new Revocation(token.instanceId(), token.id(), token.id(), token.subject(),
                token.clientId(), token.createdAt().getEpochSecond());
        return registry.app(token.instanceId(), token.clientId())
                .map(app -> app.filter(TrustedApplication::enabled).filter(found -> actsAs(found, token))
                        .map(found -> narrowed(token, found)).filter(found -> !found.scopes().isEmpty()))
                .flatMap(narrowed -> narrowed.isEmpty() ? Uni.createFrom().item(Optional.<ReferenceToken>empty())
                        : revocations.isRevoked(revocation)
                                .map(revoked -> revoked ? Optional.<ReferenceToken>empty() : narrowed)
                                .onFailure().transform(ReferenceTokens::revocationListDown));
    }

    /**
     * The token with only the scopes its app still has: an app that lost a scope after the token was issued no
     * longer lends it to the token, and a token left with none is inactive.
     */
    private static ReferenceToken narrowed(ReferenceToken token, TrustedApplication app) {
        List<String> scopes = app.stillAllowed(token.scopes());
        return scopes.size() == token.scopes().size() ? token : new ReferenceToken(token.id(), token.instanceId(),
                token.kind(), token.clientId(), token.subject(), token.username(), scopes, token.description(),
                token.createdAt(), token.createdBy(), token.expiresAt(), token.lastUsedAt(), token.revokedAt());
    }

    /**
     * A SAT acts as its app's system user only while the app still allows it and it is still that user, as the
     * client credentials grant requires (SPEC "a SAT needs an app with a system user").
     */
    private static boolean actsAs(TrustedApplication app, ReferenceToken token) {
        return token.personal() || app.systemUserAllowed() && token.subject().equals(app.systemUser());
    }

    /** At most once a minute a token: introspection is hot, a write per request is not wanted. */
    private Uni<Void> recordUse(ReferenceToken token, Instant now) {
        Instant before = now.minus(USE_RECORDED_EVERY);
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(before)) {
            return Uni.createFrom().voidItem();
        }
        return store.touch(token.id(), now, before)
                .onFailure().invoke(failure -> LOG.warnf("the last use of reference token %s cannot be recorded: %s",
                        token.id(), failure.toString()))
                .onFailure().recoverWithNull();
    }

    private static VerifiedAccessToken claims(ReferenceToken token, InstanceContext instance) {
        return new VerifiedAccessToken(token.instanceId(), instance.issuer(), InstanceAudience.of(token.instanceId()),
                token.subject(), token.clientId(), token.scopes(), token.createdAt().getEpochSecond(),
                token.expiresAt().getEpochSecond(), token.id(), token.id(), token.username());
    }

    private static Throwable revocationListDown(Throwable failure) {
        LOG.warnf("the revocation list cannot be read: %s", failure.toString());
        return OAuthError.unavailable("the revocation list cannot be read; try again");
    }
}
