package net.erp.identity.reference;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import net.erp.identity.user.UserCutOff;

/** A password change or the user's deletion revokes every PAT of the user (SPEC "Users"). */
@ApplicationScoped
class ReferenceTokenCutOff implements UserCutOff {

    private final ReferenceTokens tokens;

    ReferenceTokenCutOff(ReferenceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<Void> cutOff(String instanceId, String userId) {
        return tokens.revokePatsOf(instanceId, userId, "user-cut-off");
    }
}
