package net.erp.session.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * An open session as the admin listing shows it.
 *
 * @param sessionId the session's id: the {@code sid} of its tokens
 * @param subject the {@code sub} of the token that opened it
 * @param clientId the app it was opened through
 * @param kind {@code USER} or {@code SERVICE}
 * @param openedAt when it opened
 * @param lastActivityAt its last open or touch
 * @param expiresAt when it closes unless touched (never past its absolute expiry)
 */
@RegisterForReflection
public record SessionView(String sessionId, String subject, String clientId, String kind, Instant openedAt,
        Instant lastActivityAt, Instant expiresAt) {
}
