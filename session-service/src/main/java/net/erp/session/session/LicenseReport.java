package net.erp.session.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The answer of {@code GET /api/instances/{instanceId}/licenses}.
 *
 * @param licenseLimit the instance's licences
 * @param licensesInUse its open sessions
 * @param sessions each open session
 */
@RegisterForReflection
public record LicenseReport(int licenseLimit, long licensesInUse, List<SessionView> sessions) {
}
