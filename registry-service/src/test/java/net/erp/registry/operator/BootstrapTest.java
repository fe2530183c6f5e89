package net.erp.registry.operator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.erp.registry.secret.SecretHasherAccess;
import org.junit.jupiter.api.Test;

/** The settings production cannot start without. */
class BootstrapTest {

    private static final Optional<String> PEPPER = Optional.of("a-pepper-made-for-this-test");

    @Test
    void startWhenOperatorVariablesMissingThenRefusedNamingBoth() {
        var operator = new OperatorApp("dev", Optional.empty());

        var refusal = assertThrows(IllegalStateException.class,
                () -> Bootstrap.requireSettings(SecretHasherAccess.withPepper(PEPPER), operator, Optional.empty()));

        assertTrue(refusal.getMessage().contains("BOOTSTRAP_ADMIN_CLIENT_ID"));
        assertTrue(refusal.getMessage().contains("BOOTSTRAP_ADMIN_CLIENT_SECRET"));
    }

    @Test
    void startWhenOperatorSecretBlankThenRefused() {
        var operator = new OperatorApp("dev", Optional.of("operator"));

        assertThrows(IllegalStateException.class,
                () -> Bootstrap.requireSettings(SecretHasherAccess.withPepper(PEPPER), operator, Optional.of(" ")));
    }

    @Test
    void startWhenPepperMissingThenRefusedNamingIt() {
        var operator = new OperatorApp("dev", Optional.of("operator"));

        var refusal = assertThrows(IllegalStateException.class, () -> Bootstrap.requireSettings(
                SecretHasherAccess.withPepper(Optional.empty()), operator, Optional.of("s3")));

        assertTrue(refusal.getMessage().contains("CLIENT_SECRET_PEPPER"));
    }

    @Test
    void startWhenEverythingSetThenAccepted() {
        var operator = new OperatorApp("dev", Optional.of("operator"));

        assertDoesNotThrow(() -> Bootstrap.requireSettings(SecretHasherAccess.withPepper(PEPPER), operator,
                Optional.of("a-secret")));
    }
}
