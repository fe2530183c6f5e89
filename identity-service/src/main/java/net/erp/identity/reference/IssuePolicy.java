package net.erp.identity.reference;

import net.erp.contract.error.OAuthError;
import net.erp.identity.access.InstanceCaller;

/**
 * Who may issue a reference token for an app, by the app's {@code referenceTokens} (SPEC "Trusted
 * Applications", "Reference tokens"): {@code NONE} nobody; {@code ADMINISTRATORS_ONLY} the operator and the
 * instance's administrators; {@code AUTHENTICATED_USERS} also a user, for a PAT of their own. A SAT is
 * issued by administrators only. A value this service does not know counts as {@code NONE}.
 */
final class IssuePolicy {

    static final String ADMINISTRATORS_ONLY = "ADMINISTRATORS_ONLY";
    static final String AUTHENTICATED_USERS = "AUTHENTICATED_USERS";

    private IssuePolicy() {
    }

    /** Refuses with 403 when {@code caller} may not issue a token of {@code kind} for {@code subject}. */
    static void requireAllowed(String policy, InstanceCaller caller, ReferenceTokenKind kind, String subject) {
        boolean users = AUTHENTICATED_USERS.equals(policy);
        if (!users && !ADMINISTRATORS_ONLY.equals(policy)) {
            throw OAuthError.forbidden("the app's referenceTokens policy lets nobody issue its reference tokens");
        }
        if (caller.administers()) {
            return;
        }
        if (!users) {
            throw OAuthError.forbidden("the app's reference tokens are issued by administrators only");
        }
        if (kind == ReferenceTokenKind.SAT) {
            throw OAuthError.forbidden("a SAT is issued by administrators only");
        }
        if (!caller.subject().equals(subject)) {
            throw OAuthError.forbidden("a user may issue a PAT for themself only");
        }
    }
}
