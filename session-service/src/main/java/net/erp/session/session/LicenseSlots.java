package net.erp.session.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationKeys;
import net.erp.session.instance.Instance;
import net.erp.session.token.AccessToken;
import org.jboss.logging.Logger;

/**
 * The licence slots of every instance, kept in Redis. Each operation is one Lua script, one round trip,
 * atomic across every replica of session-service: expired sessions are closed first, so that a count
 * never includes one; then a session is touched, opened if a licence is free, closed or listed.
 *
 * <p>Reserved seats: with licence limit L and reserved accounts R, an account of R that holds no reserved
 * seat takes one; every other session opens only while the sessions not on a reserved seat number fewer
 * than L - |R|. A seat counts only while its account is in R and its session is open, so a change of R
 * takes effect with the next opening. Whatever the registry says, the sessions of an instance never number
 * more than L: a lowered limit lets no session open until fewer than L are open, and closes none.
 */
public final class LicenseSlots {

    private static final Logger LOG = Logger.getLogger(LicenseSlots.class);
    private static final SessionScript OPEN = SessionScript.load("open.lua");
    private static final SessionScript CLOSE = SessionScript.load("close.lua");
    private static final SessionScript LIST = SessionScript.load("list.lua");
    private static final SessionScript COUNT = SessionScript.load("count.lua");

    /** What the session step did with a token. */
    public enum Outcome {
        REVOKED, REFUSED, OPENED, TOUCHED
    }

    /** The answer of the session step; {@code expiresAt} and {@code openedAt} only for a session held. */
    public record Step(Outcome outcome, long licensesInUse, Instant expiresAt, Instant openedAt, Expired expired) {
    }

    /** Sessions a script closed because their time had come. */
    public record Expired(long idle, long absolute) {
    }

    /** The answer of a close. */
    public record Closing(long closed, long licensesInUse, Expired expired) {
    }

    /** How many sessions of an instance are open. */
    public record Count(long licensesInUse, Expired expired) {
    }

    /** The open sessions of an instance. */
    public record Listing(long licensesInUse, Expired expired, List<SessionView> sessions) {
    }

    private final RedisTransport redis;
    private final String idleMillis;
    private final String absoluteMillis;

    public LicenseSlots(RedisTransport redis, Duration idleTimeout, Duration absoluteTimeout) {
        this.redis = redis;
        this.idleMillis = Long.toString(idleTimeout.toMillis());
        this.absoluteMillis = Long.toString(absoluteTimeout.toMillis());
    }

    /** Opens the token's session, or touches it when it is open; refuses a revoked token. */
    public Uni<Step> open(AccessToken token, Instance instance) {
        String id = instance.id();
        List<String> keys = new ArrayList<>(List.of(SessionKeys.deadlines(id), SessionKeys.seats(id),
                SessionKeys.session(id, token.sessionId())));
        keys.addAll(RevocationKeys.of(token.revocation()));
        List<String> args = new ArrayList<>(List.of(token.sessionId(), token.subject(), token.clientId(),
                kind(token), token.account(), idleMillis, token.isService() ? absoluteMillis : "0",
                Integer.toString(instance.licenseLimit()), Integer.toString(instance.reservedSeats()),
                instance.reserves(token.account()) ? "1" : "0",
                Long.toString(token.issuedAt().getEpochSecond()), SessionKeys.sessionPrefix(id)));
        args.addAll(instance.reservedAccounts());
        return guarded(OPEN.run(redis, keys, args)).map(LicenseSlots::step);
    }

    /** Closes one session; {@code closed} is 0 when it was not open. */
    public Uni<Closing> closeSession(String instanceId, String sessionId) {
        return close(instanceId, "sid", sessionId);
    }

    /** Closes every session of a subject (a user's id, or a system user's name). */
    public Uni<Closing> closeSubject(String instanceId, String subject) {
        return close(instanceId, "subject", subject);
    }

    /** The open sessions of an instance. */
    public Uni<Listing> list(String instanceId) {
        List<String> keys = List.of(SessionKeys.deadlines(instanceId), SessionKeys.seats(instanceId));
        return guarded(LIST.run(redis, keys, List.of(SessionKeys.sessionPrefix(instanceId))))
                .map(LicenseSlots::listing);
    }

    /** How many sessions of an instance are open, after closing those whose time has come. */
    public Uni<Count> count(String instanceId) {
        List<String> keys = List.of(SessionKeys.deadlines(instanceId), SessionKeys.seats(instanceId));
        return guarded(COUNT.run(redis, keys, List.of(SessionKeys.sessionPrefix(instanceId))))
                .map(r -> new Count(r.get(0).toLong(), new Expired(r.get(1).toLong(), r.get(2).toLong())));
    }

    private Uni<Closing> close(String instanceId, String by, String value) {
        List<String> keys = List.of(SessionKeys.deadlines(instanceId), SessionKeys.seats(instanceId));
        List<String> args = List.of(SessionKeys.sessionPrefix(instanceId), by, value);
        return guarded(CLOSE.run(redis, keys, args)).map(r -> new Closing(r.get(0).toLong(), r.get(1).toLong(),
                new Expired(r.get(2).toLong(), r.get(3).toLong())));
    }

    private static Step step(Response r) {
        Outcome outcome = Outcome.values()[r.get(0).toInteger()];
        boolean held = outcome == Outcome.OPENED || outcome == Outcome.TOUCHED;
        return new Step(outcome, r.get(1).toLong(),
                held ? Instant.ofEpochMilli(r.get(2).toLong()) : null,
                held ? Instant.ofEpochMilli(r.get(3).toLong()) : null,
                new Expired(r.get(4).toLong(), r.get(5).toLong()));
    }

    private static Listing listing(Response r) {
        List<SessionView> sessions = new ArrayList<>();
        for (int i = 3; i < r.size(); i++) {
            Response s = r.get(i);
            sessions.add(new SessionView(s.get(0).toString(), s.get(1).toString(), s.get(2).toString(),
                    s.get(3).toString(), millis(s.get(4)), millis(s.get(5)), millis(s.get(6))));
        }
        return new Listing(r.get(0).toLong(), new Expired(r.get(1).toLong(), r.get(2).toLong()), sessions);
    }

    private static Instant millis(Response value) {
        return Instant.ofEpochMilli((long) Double.parseDouble(value.toString()));
    }

    private static String kind(AccessToken token) {
        return token.isService() ? "SERVICE" : "USER";
    }

    /**
     * Any fault of Redis becomes a 503 and no session is answered. A script runs whole or not at all; when
     * only its answer was lost, the session it opened is the token's own, and the next call reuses it.
     */
    private static Uni<Response> guarded(Uni<Response> call) {
        return call.onFailure(e -> !(e instanceof OAuthError)).transform(e -> {
            LOG.warnf("the session store cannot be reached: %s%s", e.getClass().getSimpleName(), errorCode(e));
            return OAuthError.unavailable("the session store cannot be reached");
        });
    }

    /**
     * The code of a Redis error reply ({@code MOVED}, {@code CROSSSLOT}, {@code CLUSTERDOWN}, {@code NOAUTH}...),
     * which tells a misconfigured Redis (a cluster addressed as a single server, say) from an unreachable one.
     * Only the leading upper-case word: the rest of a message may carry addresses or arguments.
     */
    private static String errorCode(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return "";
        }
        int end = message.indexOf(' ');
        String code = end < 0 ? message : message.substring(0, end);
        return code.matches("[A-Z]{3,20}") ? " " + code : "";
    }
}
