package net.erp.registry.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * The audit trail of the registry: one structured line for every committed change, on the logger category
 * {@value #CATEGORY}, as {@code event=app.created instance=acme client_id=com.vendor/app actor=<sub>
 * at=<ISO time>}. A line names what changed and who changed it; it never carries a secret value.
 */
@ApplicationScoped
public class AuditLog {

    /** The logger category of audit lines. */
    public static final String CATEGORY = "audit";

    /** The actor of changes the service makes by itself at start-up. */
    public static final String SYSTEM = "system";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /** Records a change of an instance (created, updated, deleted, scope added). */
    public void instance(String event, String instanceId, String actor) {
        LOG.infof("event=%s instance=%s actor=%s at=%s", event, instanceId, actor, now());
    }

    /** Records a change of an app. */
    public void app(String event, String instanceId, String clientId, String actor) {
        LOG.infof("event=%s instance=%s client_id=%s actor=%s at=%s", event, instanceId, clientId, actor, now());
    }

    /** Records a change of a client secret, named by its id. */
    public void secret(String event, String instanceId, String clientId, String secretId, String actor) {
        LOG.infof("event=%s instance=%s client_id=%s secret_id=%s actor=%s at=%s", event, instanceId, clientId,
                secretId, actor, now());
    }

    /** Records a change of an instance-defined scope. */
    public void scope(String event, String instanceId, String scope, String actor) {
        LOG.infof("event=%s instance=%s scope=%s actor=%s at=%s", event, instanceId, scope, actor, now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
