package net.erp.session.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTest {

    @Test
    void reservedSeatsWhenFewerAccountsThanLicencesThenOneSeatEach() {
        Instance instance = new Instance("acme", 5, List.of("carol", "erp-sync"));

        assertEquals(2, instance.reservedSeats());
    }

    @Test
    void reservedSeatsWhenMoreAccountsThanLicencesThenNoMoreSeatsThanLicences() {
        Instance instance = new Instance("acme", 1, List.of("carol", "erp-sync"));

        assertEquals(1, instance.reservedSeats());
    }

    @Test
    void reservesWhenAccountListedThenTrue() {
        assertTrue(new Instance("acme", 5, List.of("carol")).reserves("carol"));
    }

    @Test
    void reservesWhenRecordHasNoReservedAccountsThenFalse() {
        assertFalse(new Instance("acme", 5, null).reserves("carol"));
    }
}
