package net.erp.identity;

import io.quarkus.test.common.QuarkusTestResource;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;

/** Every test of this module runs against the real PostgreSQL and Redis and the registry and session stand-ins. */
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
@QuarkusTestResource(SessionStandIn.class)
public final class TestStores {

    private TestStores() {
    }
}
