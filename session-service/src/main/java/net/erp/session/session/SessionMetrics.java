package net.erp.session.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.erp.session.session.LicenseSlots.Expired;

/**
 * Licences in use and limit per instance seen by this replica (as of its last call for the instance), and
 * counters per instance of sessions opened, touched, closed (by reason) and refused.
 */
@ApplicationScoped
class SessionMetrics {

    /** Why a session closed. */
    enum CloseReason {
        IDLE, ABSOLUTE, DELETED, LOGOUT, USER
    }

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> inUse = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> limits = new ConcurrentHashMap<>();

    SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The instances this replica has seen, whose gauges it keeps current. */
    Set<String> instances() {
        return inUse.keySet();
    }

    void licenses(String instanceId, long licensesInUse) {
        gauge(inUse, "licenses.in_use", instanceId).set(licensesInUse);
    }

    void limit(String instanceId, long licenseLimit) {
        gauge(limits, "licenses.limit", instanceId).set(licenseLimit);
    }

    void opened(String instanceId) {
        registry.counter("sessions.opened", "instance", instanceId).increment();
    }

    void touched(String instanceId) {
        registry.counter("sessions.touched", "instance", instanceId).increment();
    }

    void refused(String instanceId) {
        registry.counter("sessions.refused", "instance", instanceId).increment();
    }

    void closed(String instanceId, CloseReason reason, long count) {
        if (count > 0) {
            registry.counter("sessions.closed", "instance", instanceId, "reason",
                    reason.name().toLowerCase(Locale.ROOT)).increment(count);
        }
    }

    void expired(String instanceId, Expired expired) {
        closed(instanceId, CloseReason.IDLE, expired.idle());
        closed(instanceId, CloseReason.ABSOLUTE, expired.absolute());
    }

    private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String instanceId) {
        return gauges.computeIfAbsent(instanceId,
                id -> registry.gauge(name, Tags.of("instance", id), new AtomicLong()));
    }
}
