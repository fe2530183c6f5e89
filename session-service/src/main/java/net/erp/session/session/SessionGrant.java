package net.erp.session.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The answer of {@code POST /api/sessions}: the session the token holds and the instance's licences.
 *
 * @param sessionId the session's id: the token's {@code sid}
 * @param instanceId the token's instance
 * @param subject the token's {@code sub}
 * @param clientId the token's {@code client_id}
 * @param expiresAt when the session closes unless it is used again
 * @param licensesInUse the instance's open sessions, this one included
 * @param licenseLimit the instance's licences
 */
@RegisterForReflection
public record SessionGrant(String sessionId, String instanceId, String subject, String clientId, Instant expiresAt,
        long licensesInUse, int licenseLimit) {
}
