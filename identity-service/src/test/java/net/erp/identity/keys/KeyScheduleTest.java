package net.erp.identity.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which key signs, which are published, and when the schedule rotates; plain JUnit, no keys needed. */
class KeyScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    private static SigningKey key(Instant created, Instant activeFrom, Instant retireAt, Instant expiresAt) {
        return new SigningKey("kid", "RS256", null, created, activeFrom, retireAt, expiresAt);
    }

    @Test
    void whenNewestKeyOlderThanPeriodThenRotationDue() {
        SigningKey old = key(NOW.minus(Duration.ofDays(31)), NOW.minus(Duration.ofDays(31)), null, null);

        assertTrue(KeyRotation.rotationDue(List.of(old), Duration.ofDays(30), NOW));
    }

    @Test
    void whenNewestKeyYoungerThanPeriodThenNoRotation() {
        SigningKey old = key(NOW.minus(Duration.ofDays(31)), NOW.minus(Duration.ofDays(31)), NOW, null);
        SigningKey fresh = key(NOW.minus(Duration.ofDays(1)), NOW, null, null);

        assertFalse(KeyRotation.rotationDue(List.of(old, fresh), Duration.ofDays(30), NOW));
    }

    @Test
    void whenKeyPublishedButNotYetActiveThenItDoesNotSign() {
        SigningKey next = key(NOW, NOW.plusSeconds(600), null, null);

        assertTrue(next.published(NOW));
        assertFalse(next.signs(NOW));
    }

    @Test
    void whenKeyRetiredThenItStopsSigningButStaysPublishedUntilExpiry() {
        SigningKey retired = key(NOW.minusSeconds(900), NOW.minusSeconds(900), NOW.minusSeconds(1),
                NOW.plusSeconds(3600));

        assertFalse(retired.signs(NOW));
        assertTrue(retired.published(NOW));
        assertFalse(retired.published(NOW.plusSeconds(3600)));
    }
}
