package net.erp.identity.cluster;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import net.erp.fixtures.redis.RedisClusterResource;

/**
 * The service on a Redis Cluster of its own: {@link RedisClusterResource} sets
 * {@code quarkus.redis.client-type=cluster} and {@code quarkus.redis.hosts} to the three masters. PostgreSQL and
 * the registry and session stand-ins are the usual ones. The login throttle's limits are constants, not settings,
 * so nothing else changes.
 */
public class RedisClusterProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisClusterResource.class));
    }
}
