package net.erp.identity.refresh;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.client.AuthenticatedClient;
import net.erp.identity.logout.SignOutHook;
import net.erp.identity.signin.SignIn;
import net.erp.identity.signin.SignInStore;
import net.erp.identity.user.UserCutOff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refresh tokens (SPEC "OpenID Connect and OAuth 2.0 endpoints"): 256 random bits, stored only as their
 * SHA-256, issued only with {@code offline_access}, living {@code REFRESH_TOKEN_LIFETIME_CONFIDENTIAL} (30
 * days) or {@code REFRESH_TOKEN_LIFETIME_PUBLIC} (24 hours) from the code redemption that started their
 * family. A logout, a password change and a deletion revoke every refresh token of the user; a rotated token
 * used again revokes its family and the sign-in's access tokens (RFC 9700 section 4.14.2).
 */
@ApplicationScoped
public class RefreshTokens implements UserCutOff, SignOutHook {

    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    private static final int MAX_TOKEN_LENGTH = 128;

    private final RefreshTokenStore store;
    private final RevocationList revocations;
    private final Duration confidentialLifetime;
    private final Duration publicLifetime;
    private final Duration accessTokenLifetime;

    RefreshTokens(RefreshTokenStore store, RevocationList revocations,
            @ConfigProperty(name = "identity.refresh-token.lifetime-confidential") Duration confidentialLifetime,
            @ConfigProperty(name = "identity.refresh-token.lifetime-public") Duration publicLifetime,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime) {
        this.store = store;
        this.revocations = revocations;
        this.confidentialLifetime = confidentialLifetime;
        this.publicLifetime = publicLifetime;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** Starts a family for a code redemption; the answer holds the token and the family's id. */
    public Uni<Started> start(AuthenticatedClient client, String userId, String username, String sid,
            List<String> scopes, long authTime) {
        String value = SignInStore.random(32);
        Duration lifetime = client.app().confidential() ? confidentialLifetime : publicLifetime;
        RefreshToken token = new RefreshToken(SignInStore.sha256(value), SignInStore.random(16), client.instanceId(),
                client.clientId(), userId, username, sid, List.copyOf(scopes), authTime,
                Instant.now().plus(lifetime), false, false, Instant.now());
        return store.insert(token)
                .onFailure().transform(RefreshTokens::unavailable)
                .replaceWith(new Started(value, token.familyId()));
    }

    /** The stored token {@code value} names, empty for one this instance never issued. */
    Uni<Optional<RefreshToken>> find(String instanceId, String value) {
        if (value.length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.find(SignInStore.sha256(value))
                .onFailure().transform(RefreshTokens::unavailable)
                .map(found -> found.filter(token -> token.instanceId().equals(instanceId)));
    }

    /** Replaces {@code current} with a new token of its family; the new token, or empty when it lost a race. */
    Uni<Optional<String>> rotate(RefreshToken current) {
        String value = SignInStore.random(32);
        RefreshToken successor = current.successor(SignInStore.sha256(value));
        return store.rotate(current, successor)
                .onFailure().transform(RefreshTokens::unavailable)
                .invoke(rotated -> {
                    if (rotated) {
                        AUDIT.infof("event=refresh.rotated instance=%s client_id=%s user=%s family=%s",
                                current.instanceId(), current.clientId(), current.userId(), current.familyId());
                    }
                })
                .map(rotated -> rotated ? Optional.of(value) : Optional.empty());
    }

    /** A rotated token came back: revokes its family and the access tokens of its sign-in. */
    Uni<Void> reused(RefreshToken token) {
        AUDIT.infof("event=refresh.reused instance=%s client_id=%s user=%s family=%s", token.instanceId(),
                token.clientId(), token.userId(), token.familyId());
        return revokeFamily(token.instanceId(), token.familyId())
                .call(() -> revocations.endSignIn(token.instanceId(), token.sid(), accessTokenLifetime))
                .onFailure().transform(RefreshTokens::unavailable);
    }

    /** Revokes a family (RFC 7009 revocation, a reused authorization code). */
    public Uni<Void> revokeFamily(String instanceId, String familyId) {
        return store.revokeFamily(familyId)
                .onFailure().transform(RefreshTokens::unavailable)
                .invoke(count -> AUDIT.infof("event=refresh.revoked instance=%s family=%s tokens=%d", instanceId,
                        familyId, count))
                .replaceWithVoid();
    }

    /**
     * RFC 7009 for refresh tokens: revokes the family of the token when it is one of {@code caller}'s (the
     * operator may revoke any); false when {@code value} is no refresh token of the instance.
     */
    public Uni<Boolean> revoke(String instanceId, String value, AuthenticatedClient caller) {
        return find(instanceId, value).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            if (!caller.operator() && !found.get().clientId().equals(caller.clientId())) {
                throw OAuthError.unauthorizedClient("the token was not issued to this client");
            }
            return revokeFamily(instanceId, found.get().familyId()).replaceWith(true);
        });
    }

    @Override
    public Uni<Void> cutOff(String instanceId, String userId) {
        return store.revokeUser(instanceId, userId)
                .invoke(count -> AUDIT.infof("event=refresh.revoked instance=%s user=%s tokens=%d", instanceId,
                        userId, count))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> signedOut(String instanceId, SignIn signIn) {
        return cutOff(instanceId, signIn.userId())
                .onFailure().transform(RefreshTokens::unavailable);
    }

    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof OAuthError) {
            return failure;
        }
        LOG.warnf("the refresh token store cannot be reached: %s", failure.toString());
        return OAuthError.unavailable("the refresh token store cannot be reached; try again");
    }

    /** A new family's first token and the family's id; {@code toString} leaves the token out. */
    public record Started(String value, String familyId) {

        @Override
        public String toString() {
            return "Started[family=" + familyId + "]";
        }
    }
}
