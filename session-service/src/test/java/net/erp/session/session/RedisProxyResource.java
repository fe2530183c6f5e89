package net.erp.session.session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import net.erp.fixtures.Stores;

/** Points the service's Redis client at a {@link RedisProxy} of the real Redis, injected into the test. */
public class RedisProxyResource implements QuarkusTestResourceLifecycleManager {

    private RedisProxy proxy;

    @Override
    public Map<String, String> start() {
        Stores.Address redis = Stores.redis();
        try {
            proxy = new RedisProxy(redis.host(), redis.port());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Redis proxy", e);
        }
        // Database 1, as every test of the platform uses.
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port() + "/1");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(RedisProxy.class));
    }

    @Override
    public void stop() {
        proxy.close();
    }
}
