package net.erp.registry.operator;

import jakarta.enterprise.context.ApplicationScoped;
import net.erp.registry.scope.BuiltInScopes;

/**
 * Who may administer an instance. Today the scope {@code admin} grants every instance: only the operator
 * application holds it (SPEC: the operator counts as an administrator of every instance).
 */
@ApplicationScoped
public class AdminPolicy {

    /**
     * Whether the caller may administer the instance; {@code instanceId} is {@code null} for calls about
     * all instances (listing, creating).
     */
    // Not yet: instance administrators (users signed in interactively) will be admitted here for their own
    // instance, by a claim identity-service does not issue yet.
    public boolean permits(AdminCaller caller, String instanceId) {
        return caller.scopes().contains(BuiltInScopes.ADMIN);
    }
}
