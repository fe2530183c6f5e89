package net.erp.identity.keys;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** When keys are made, start signing, stop signing and disappear; see application.properties. */
@ApplicationScoped
class KeySchedule {

    private static final Logger LOG = Logger.getLogger(KeySchedule.class);

    private final String algorithm;
    private final Duration rotationPeriod;
    private final Duration publishLead;
    private final Duration reloadInterval;
    private final Duration retiredKeyKept;

    KeySchedule(@ConfigProperty(name = "identity.keys.algorithm") String algorithm,
            @ConfigProperty(name = "identity.keys.rotation-period") Duration rotationPeriod,
            @ConfigProperty(name = "identity.keys.publish-lead") Duration publishLead,
            @ConfigProperty(name = "identity.keys.reload-interval") Duration reloadInterval,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime,
            @ConfigProperty(name = "identity.clock-skew") Duration clockSkew) {
        KeyMaterial.keyType(algorithm);
        this.algorithm = algorithm;
        this.rotationPeriod = rotationPeriod;
        this.publishLead = publishLead;
        this.reloadInterval = reloadInterval;
        this.retiredKeyKept = accessTokenLifetime.plus(clockSkew);
        if (publishLead.compareTo(reloadInterval) < 0) {
            LOG.warnf("KEY_PUBLISH_LEAD (%s) is shorter than KEY_RELOAD_INTERVAL (%s): a replica that misses the "
                    + "rotation message may meet a token of a key it has not loaded yet", publishLead, reloadInterval);
        }
    }

    String algorithm() {
        return algorithm;
    }

    Duration rotationPeriod() {
        return rotationPeriod;
    }

    Duration publishLead() {
        return publishLead;
    }

    Duration reloadInterval() {
        return reloadInterval;
    }

    Duration retiredKeyKept() {
        return retiredKeyKept;
    }
}
