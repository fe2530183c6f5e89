package net.erp.stores;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real PostgreSQL and Redis: the reachable ones, or embedded ones
 * when nothing listens at {@code DB_HOST:DB_PORT} or {@code REDIS_HOST:REDIS_PORT}. A service's tests
 * register it once with {@code @QuarkusTestResource(StoresTestResource.class)} on any test class.
 */
public class StoresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Stores.Address postgres = Stores.postgres();
        Stores.Address redis = Stores.redis();
        return Map.of(
                "db.host", postgres.host(),
                "db.port", Integer.toString(postgres.port()),
                "redis.host", redis.host(),
                "redis.port", Integer.toString(redis.port()));
    }

    @Override
    public void stop() {
        // Embedded servers outlive one application start: they stop with the JVM.
    }
}
