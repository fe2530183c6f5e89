package net.erp.session.session;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Seconds instead of minutes: idle expiry 2 s, absolute expiry 3 s, Redis reached through a proxy a test
 * can cut, and the JWKS served by a {@link RotatingJwks} and fetched again at most once a second. The
 * licence gauges are counted again every 500 ms; an answer on a reference token is used for one second.
 */
public class ShortTimeouts implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "session.idle-timeout", "PT2S",
                "session.absolute-timeout", "PT3S",
                "session.jwks-refetch-interval", "PT1S",
                "session.gauge-refresh-interval", "PT0.5S",
                "session.reference-token-cache-ttl", "PT1S",
                "quarkus.redis.timeout", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisProxyResource.class),
                new TestResourceEntry(RotatingJwksResource.class));
    }
}
