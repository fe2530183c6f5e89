package net.erp.session.session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the service's JWKS client at a {@link RotatingJwks}, injected into the test. */
public class RotatingJwksResource implements QuarkusTestResourceLifecycleManager {

    private RotatingJwks jwks;

    @Override
    public Map<String, String> start() {
        try {
            jwks = new RotatingJwks();
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve the rotating JWKS", e);
        }
        return Map.of("quarkus.rest-client.identity.url", jwks.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(jwks, new TestInjector.MatchesType(RotatingJwks.class));
    }

    @Override
    public void stop() {
        jwks.close();
    }
}
