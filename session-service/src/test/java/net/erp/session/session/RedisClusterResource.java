package net.erp.session.session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link RedisCluster} and points the service's Redis client at it: cluster mode, the three
 * masters as seed nodes, database 0 (the only one a cluster has). Without the Redis binaries on the PATH
 * it starts nothing and changes nothing; the test then skips itself.
 */
public class RedisClusterResource implements QuarkusTestResourceLifecycleManager {

    private RedisCluster cluster;

    @Override
    public Map<String, String> start() {
        if (!RedisCluster.available()) {
            return Map.of();
        }
        cluster = new RedisCluster();
        cluster.start();
        return Map.of("quarkus.redis.client-type", "cluster", "quarkus.redis.hosts", cluster.hosts());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(cluster, new TestInjector.MatchesType(RedisCluster.class));
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
