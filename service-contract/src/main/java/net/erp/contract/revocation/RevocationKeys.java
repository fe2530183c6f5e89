package net.erp.contract.revocation;

import java.util.List;

/**
 * The Redis keys of the revocation list. Every key carries the instance as a Redis Cluster hash tag
 * ({@code {instanceId}}), so that all keys of one instance, the sessions included, live in one slot and
 * a Lua script may touch them together.
 *
 * <ul>
 *   <li>{@code rev:{i}:jti:<jti>}: that one token is revoked (RFC 7009); kept until it expires;</li>
 *   <li>{@code rev:{i}:sid:<sid>}: the sign-in ended (logout); kept one access-token lifetime;</li>
 *   <li>{@code rev:{i}:sub:<sub>}: epoch second up to which the user's tokens are cut off;</li>
 *   <li>{@code rev:{i}:client:<clientId>}: epoch second up to which the app's tokens are cut off.</li>
 * </ul>
 */
public final class RevocationKeys {

    private RevocationKeys() {
    }

    /** The hash tag of an instance: every key of the instance contains it. */
    public static String tag(String instanceId) {
        return "{" + instanceId + "}";
    }

    public static String jti(String instanceId, String jti) {
        return "rev:" + tag(instanceId) + ":jti:" + jti;
    }

    public static String sid(String instanceId, String sid) {
        return "rev:" + tag(instanceId) + ":sid:" + sid;
    }

    public static String subject(String instanceId, String subject) {
        return "rev:" + tag(instanceId) + ":sub:" + subject;
    }

    public static String client(String instanceId, String clientId) {
        return "rev:" + tag(instanceId) + ":client:" + clientId;
    }

    /**
     * The four keys a token is checked against, in this order: jti, sid, subject, client. A token
     * without {@code sid} is checked against a key that never exists, so the list keeps its shape.
     */
    public static List<String> of(Revocation token) {
        String sid = token.sid() == null ? "-" : token.sid();
        return List.of(jti(token.instanceId(), token.jti()), sid(token.instanceId(), sid),
                subject(token.instanceId(), token.subject()), client(token.instanceId(), token.clientId()));
    }
}
