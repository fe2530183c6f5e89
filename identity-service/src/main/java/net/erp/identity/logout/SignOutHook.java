package net.erp.identity.logout;

import io.smallrye.mutiny.Uni;
import net.erp.identity.signin.SignIn;

/**
 * What else a logout ends beyond the sign-in itself (SPEC: "Logout ... revoke[s] the refresh tokens of that
 * user"): implemented by the refresh-token feature.
 */
public interface SignOutHook {

    /** Revokes what this feature holds for the user of the sign-in; a failure fails the logout (503). */
    Uni<Void> signedOut(String instanceId, SignIn signIn);
}
