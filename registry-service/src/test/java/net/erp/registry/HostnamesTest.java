package net.erp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.erp.registry.instance.Hostnames;
import org.junit.jupiter.api.Test;

class HostnamesTest {

    @Test
    void canonicalWhenUpperCaseThenLowerCase() {
        assertEquals(Optional.of("acme.my.erp.net"), Hostnames.canonical("ACME.My.Erp.Net"));
    }

    @Test
    void canonicalWhenIpv6ThenBracketedShortestForm() {
        assertEquals(Optional.of("[::1]"), Hostnames.canonical("0:0:0:0:0:0:0:1"));
    }

    @Test
    void canonicalWhenIpv4OutOfRangeThenRefused() {
        assertTrue(Hostnames.canonical("300.1.1.1").isEmpty());
    }

    @Test
    void canonicalWhenPathThenRefused() {
        assertTrue(Hostnames.canonical("acme.example.com/id").isEmpty());
    }

    @Test
    void canonicalWhenLabelStartsWithDashThenRefused() {
        assertTrue(Hostnames.canonical("-acme.example.com").isEmpty());
    }

    @Test
    void hostHeaderWhenPortThenPortDropped() {
        assertEquals(Optional.of("acme.example.com"), Hostnames.ofHostHeader("Acme.Example.com:8443"));
    }

    @Test
    void hostHeaderWhenIpv6WithPortThenAddress() {
        assertEquals(Optional.of("[::1]"), Hostnames.ofHostHeader("[::1]:8080"));
    }
}
