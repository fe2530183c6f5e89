package net.erp.session.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationList;
import net.erp.session.instance.Instance;
import net.erp.session.instance.InstanceDirectory;
import net.erp.session.session.LicenseSlots.Closing;
import net.erp.session.session.LicenseSlots.Step;
import net.erp.session.session.SessionMetrics.CloseReason;
import net.erp.session.token.AccessToken;
import org.jboss.logging.Logger;

/**
 * The licence-slot sessions of SPEC "Sessions and licences": opening and touching a token's session,
 * closing sessions, and the admin report, with their metrics and audit lines.
 */
@ApplicationScoped
class Sessions {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private final LicenseSlots slots;
    private final InstanceDirectory instances;
    private final RevocationList revocations;
    private final SessionMetrics metrics;

    Sessions(LicenseSlots slots, InstanceDirectory instances, RevocationList revocations, SessionMetrics metrics) {
        this.slots = slots;
        this.instances = instances;
        this.revocations = revocations;
        this.metrics = metrics;
    }

    /** Opens the token's session or counts the call as its activity; refuses when no licence is free. */
    Uni<SessionGrant> open(AccessToken token) {
        return instances.ofToken(token.instanceId())
                .flatMap(instance -> slots.open(token, instance).map(step -> grant(token, instance, step)));
    }

    /** Closes a session: the caller's own (same sign-in) or, for the operator, any. */
    Uni<Void> close(AccessToken caller, String instanceId, String sessionId) {
        return unlessRevoked(caller)
                .invoke(() -> requireOwnOrAdmin(caller, instanceId, sessionId))
                .flatMap(ignored -> slots.closeSession(instanceId, sessionId))
                .map(closing -> {
                    record(instanceId, closing, CloseReason.DELETED);
                    if (closing.closed() == 0) {
                        throw OAuthError.notFound("unknown_session", "no open session has this id");
                    }
                    AUDIT.infof("event=session.closed instance=%s session=%s reason=deleted", instanceId, sessionId);
                    return null;
                });
    }

    private static void requireOwnOrAdmin(AccessToken caller, String instanceId, String sessionId) {
        boolean own = caller.instanceId().equals(instanceId) && sessionId.equals(caller.sessionId());
        if (!own && !caller.isAdmin()) {
            throw OAuthError.of(403, "access_denied",
                    "a session can be closed only with its own token or by an administrator");
        }
    }

    private static void requireAdmin(AccessToken caller) {
        if (!caller.isAdmin()) {
            throw OAuthError.insufficientScope("the licence report needs the scope admin");
        }
    }

    /** The instance's licences and open sessions, for its administrators. */
    Uni<LicenseReport> report(AccessToken caller, String instanceId) {
        return unlessRevoked(caller)
                .invoke(() -> requireAdmin(caller))
                .flatMap(ignored -> instances.find(instanceId))
                .map(found -> found.orElseThrow(() -> OAuthError.notFound("unknown_instance", "no such instance")))
                .flatMap(instance -> slots.list(instanceId).map(listing -> {
                    metrics.expired(instanceId, listing.expired());
                    metrics.licenses(instanceId, listing.licensesInUse());
                    metrics.limit(instanceId, instance.licenseLimit());
                    return new LicenseReport(instance.licenseLimit(), listing.licensesInUse(), listing.sessions());
                }));
    }

    /** Closes the sessions of a sign-in (logout) or of a user (password change, deletion). */
    Uni<CloseResult> closeFor(String instanceId, CloseRequest request) {
        if (request == null || (request.sid() == null) == (request.subject() == null)) {
            return Uni.createFrom().failure(OAuthError.invalidRequest("give exactly one of 'sid' and 'subject'"));
        }
        boolean bySid = request.sid() != null;
        Uni<Closing> closing = bySid ? slots.closeSession(instanceId, request.sid())
                : slots.closeSubject(instanceId, request.subject());
        CloseReason reason = bySid ? CloseReason.LOGOUT : CloseReason.USER;
        return closing.map(done -> {
            record(instanceId, done, reason);
            AUDIT.infof("event=session.closed instance=%s closed=%d reason=%s", instanceId, done.closed(),
                    reason.name().toLowerCase(Locale.ROOT));
            return new CloseResult(done.closed());
        });
    }

    private SessionGrant grant(AccessToken token, Instance instance, Step step) {
        metrics.expired(instance.id(), step.expired());
        metrics.licenses(instance.id(), step.licensesInUse());
        metrics.limit(instance.id(), instance.licenseLimit());
        switch (step.outcome()) {
            case REVOKED -> throw OAuthError.invalidToken("the token has been revoked");
            case REFUSED -> throw refuse(token, instance);
            case OPENED -> {
                metrics.opened(instance.id());
                AUDIT.infof("event=session.opened instance=%s session=%s subject=%s client_id=%s", instance.id(),
                        token.sessionId(), token.subject(), token.clientId());
            }
            case TOUCHED -> metrics.touched(instance.id());
        }
        return new SessionGrant(token.sessionId(), instance.id(), token.subject(), token.clientId(),
                step.expiresAt(), step.licensesInUse(), instance.licenseLimit());
    }

    private OAuthError refuse(AccessToken token, Instance instance) {
        metrics.refused(instance.id());
        AUDIT.infof("event=session.refused instance=%s subject=%s client_id=%s license_limit=%d", instance.id(),
                token.subject(), token.clientId(), instance.licenseLimit());
        return OAuthError.of(403, "MaximumLicenseCountExceeded",
                "every licence of the instance is in use").with("licenseLimit", instance.licenseLimit());
    }

    private void record(String instanceId, Closing closing, CloseReason reason) {
        metrics.expired(instanceId, closing.expired());
        metrics.closed(instanceId, reason, closing.closed());
        metrics.licenses(instanceId, closing.licensesInUse());
    }

    private Uni<Void> unlessRevoked(AccessToken token) {
        return revocations.isRevoked(token.revocation())
                .onFailure().transform(e -> OAuthError.unavailable("the revocation list cannot be reached"))
                .map(revoked -> {
                    if (revoked) {
                        throw OAuthError.invalidToken("the token has been revoked");
                    }
                    return null;
                });
    }
}
