package net.erp.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without INTERNAL_API_SECRET the service does not start, and says which variable is missing. */
@QuarkusMainTest
@TestProfile(InternalSecretRequiredTest.WithoutInternalSecret.class)
class InternalSecretRequiredTest {

    /** The secret left empty, as in production when INTERNAL_API_SECRET is not set. */
    public static class WithoutInternalSecret implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // Log lines written synchronously, so that the launch's captured output holds the refusal.
            return Map.of("platform.internal-secret", "", "%test.platform.internal-secret", "",
                    "quarkus.log.console.async.enabled", "false");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void startWhenInternalApiSecretMissingThenRefusedNamingIt(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();

        assertTrue(output.contains("INTERNAL_API_SECRET is not set"), output);
    }
}
