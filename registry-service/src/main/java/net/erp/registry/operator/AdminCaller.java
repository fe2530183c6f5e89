package net.erp.registry.operator;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/** Who calls the admin API in this request, once {@link AdminAccess} let the request through. */
@RequestScoped
public class AdminCaller {

    private String subject;
    private String clientId;
    private String instanceId;
    private Set<String> scopes = Set.of();

    void set(String subject, String clientId, String instanceId, Set<String> scopes) {
        this.subject = subject;
        this.clientId = clientId;
        this.instanceId = instanceId;
        this.scopes = Set.copyOf(scopes);
    }

    /** The token's {@code sub}: the actor of the audit log. */
    public String subject() {
        return subject;
    }

    /** The app the token was issued to. */
    public String clientId() {
        return clientId;
    }

    /** The instance the token belongs to (its audience). */
    public String instanceId() {
        return instanceId;
    }

    public Set<String> scopes() {
        return scopes;
    }
}
