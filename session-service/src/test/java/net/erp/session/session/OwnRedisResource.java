package net.erp.session.session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import net.erp.fixtures.redis.OwnRedis;

/** Points the service's Redis client at an {@link OwnRedis}, started here and injected into the test. */
public class OwnRedisResource implements QuarkusTestResourceLifecycleManager {

    private OwnRedis redis;

    @Override
    public Map<String, String> start() {
        redis = new OwnRedis();
        redis.start();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + redis.port() + "/0");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(redis, new TestInjector.MatchesType(OwnRedis.class));
    }

    @Override
    public void stop() {
        redis.close();
    }
}
