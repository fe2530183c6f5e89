package net.erp.session.session;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import net.erp.fixtures.redis.RedisClusterResource;

/**
 * The service on a Redis Cluster of its own ({@link RedisClusterResource} sets
 * {@code quarkus.redis.client-type=cluster} and {@code quarkus.redis.hosts} to the three masters). Instance
 * records are cached for a long time here, so that only a registry change event, published on one node of
 * the cluster, can make the service read a changed record.
 */
public class RedisClusterProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("session.registry-cache-ttl", "PT10M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisClusterResource.class));
    }
}
