package net.erp.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings of session-service, under the prefix {@code session}. */
@ConfigMapping(prefix = "session")
public interface SessionConfig {

    /** A session closes after this long without activity (sliding). */
    @WithDefault("PT20M")
    Duration idleTimeout();

    /** A service session (client credentials, SAT) closes this long after it opened, however active. */
    @WithDefault("PT1H")
    Duration absoluteTimeout();

    /** How long an instance record from registry-service is used before it is fetched again. */
    @WithDefault("PT5S")
    Duration registryCacheTtl();

    /** The JWKS is fetched again for an unknown kid at most once in this interval. */
    @WithDefault("PT5S")
    Duration jwksRefetchInterval();

    /** A cached JWKS older than this is fetched again, so that withdrawn keys stop being trusted. */
    @WithDefault("PT10M")
    Duration jwksMaxAge();

    /** Tolerance for clock differences when checking {@code exp} and {@code iat}. */
    @WithDefault("PT30S")
    Duration clockSkew();

    /** How often the licence gauges of the instances seen are counted again when no call comes. */
    @WithDefault("PT15S")
    Duration gaugeRefreshInterval();

    /**
     * At most this many verified tokens are remembered (by hash, until their {@code exp}); the answers of
     * the reference-token introspection are bounded by the same number.
     */
    @WithDefault("100000")
    int verifiedTokenCacheSize();

    /**
     * How long identity-service's answer on a reference token (PAT/SAT), active or not, is used before the
     * token is introspected again: a revoked reference token is refused this long after at most.
     */
    @WithDefault("PT3S")
    Duration referenceTokenCacheTtl();
}
