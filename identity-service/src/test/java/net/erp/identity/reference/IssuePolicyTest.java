package net.erp.identity.reference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.erp.contract.error.OAuthError;
import net.erp.identity.access.InstanceCaller;
import net.erp.identity.access.InstanceCaller.Role;
import org.junit.jupiter.api.Test;

/** The issuing rules alone, without HTTP. */
class IssuePolicyTest {

    private static final InstanceCaller ALICE = new InstanceCaller(Role.USER, "alice");
    private static final InstanceCaller ADMIN = new InstanceCaller(Role.ADMINISTRATOR, "admin");

    private static int refusal(String policy, InstanceCaller caller, ReferenceTokenKind kind, String subject) {
        return assertThrows(OAuthError.class, () -> IssuePolicy.requireAllowed(policy, caller, kind, subject))
                .status();
    }

    @Test
    void unknownPolicyWhenAdministratorThenForbiddenAsNone() {
        assertEquals(403, refusal("EVERYONE", ADMIN, ReferenceTokenKind.PAT, "alice"));
    }

    @Test
    void missingPolicyWhenAdministratorThenForbiddenAsNone() {
        assertEquals(403, refusal(null, ADMIN, ReferenceTokenKind.PAT, "alice"));
    }

    @Test
    void authenticatedUsersWhenUserForThemselfThenAllowed() {
        assertDoesNotThrow(() -> IssuePolicy.requireAllowed("AUTHENTICATED_USERS", ALICE, ReferenceTokenKind.PAT,
                "alice"));
    }

    @Test
    void authenticatedUsersWhenUserAsksForSatThenForbidden() {
        assertEquals(403, refusal("AUTHENTICATED_USERS", ALICE, ReferenceTokenKind.SAT, null));
    }

    @Test
    void administratorsOnlyWhenAdministratorAsksForSatThenAllowed() {
        assertDoesNotThrow(() -> IssuePolicy.requireAllowed("ADMINISTRATORS_ONLY", ADMIN, ReferenceTokenKind.SAT,
                null));
    }
}
