package net.erp.identity.signin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.Revocation;
import net.erp.contract.revocation.RevocationList;
import org.jboss.logging.Logger;

/**
 * Whether a sign-in has ended on the revocation list, so that nothing derived from it (an authorization code,
 * a refresh token, the browser's sign-in cookie) yields new tokens: its {@code sid} is listed (logout, a reused
 * refresh token), or its user was cut off at or after {@code since} (password change, deletion), or, when an
 * app is named, that app was (disabled). Without this check a token issued after the end would carry the ended
 * {@code sid} and be refused for one access-token lifetime, then accepted again once the listing expired.
 */
@ApplicationScoped
public class EndedSignIns {

    private static final Logger LOG = Logger.getLogger(EndedSignIns.class);
    /** Stands for "no such claim": no key of the revocation list is ever written under it. */
    private static final String NONE = "-";

    private final RevocationList revocations;

    EndedSignIns(RevocationList revocations) {
        this.revocations = revocations;
    }

    /**
     * Whether the sign-in {@code sid} of {@code userId} ended, or the user or the app {@code clientId} (may be
     * {@code null}) was cut off at or after {@code since} (epoch seconds).
     */
    public Uni<Boolean> ended(String instanceId, String sid, String userId, String clientId, long since) {
        Revocation probe = new Revocation(instanceId, NONE, sid, userId, clientId == null ? NONE : clientId, since);
        return revocations.isRevoked(probe)
                .onFailure().transform(failure -> {
                    LOG.warnf("the revocation list cannot be read: %s", failure.toString());
                    return OAuthError.unavailable("the revocation list cannot be read; try again");
                });
    }
}
