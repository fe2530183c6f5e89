package net.erp.identity.signin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.user.UserCutOff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A password change or a user's deletion (SPEC "Users") ends the user's live browser sign-ins at once, as a
 * logout ends one (OpenID Connect RP-Initiated Logout 1.0 section 2): each sign-in's {@code sid} goes on the
 * revocation list, so its access tokens stop, and then the sign-in itself goes, so its cookie no longer skips
 * the login form. Refresh tokens and licence sessions are ended by the users API and the refresh-token feature.
 */
@ApplicationScoped
public class SignInCutOff implements UserCutOff {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private final SignInStore signIns;
    private final RevocationList revocations;
    private final Duration accessTokenLifetime;

    SignInCutOff(SignInStore signIns, RevocationList revocations,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime) {
        this.signIns = signIns;
        this.revocations = revocations;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    @Override
    public Uni<Void> cutOff(String instanceId, String userId) {
        return signIns.endAllOf(instanceId, userId,
                        signIn -> revocations.endSignIn(instanceId, signIn.sid(), accessTokenLifetime))
                .invoke(ended -> ended.forEach(signIn -> AUDIT.infof("event=signin.ended instance=%s user=%s sid=%s",
                        instanceId, userId, signIn.sid())))
                .replaceWithVoid();
    }
}
