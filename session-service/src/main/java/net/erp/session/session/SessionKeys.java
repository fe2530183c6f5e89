package net.erp.session.session;

import net.erp.contract.revocation.RevocationKeys;

/**
 * The Redis keys of an instance's sessions. Each carries the instance's hash tag, as the revocation keys
 * do, so that one script can check the token, count the licences and take one in a single slot.
 */
final class SessionKeys {

    private SessionKeys() {
    }

    /** Sorted set: session id to the moment the session closes. Its size is the licences in use. */
    static String deadlines(String instanceId) {
        return "sess:" + RevocationKeys.tag(instanceId) + ":deadlines";
    }

    /** Hash: reserved account to the session holding its reserved seat. */
    static String seats(String instanceId) {
        return "sess:" + RevocationKeys.tag(instanceId) + ":seats";
    }

    /** The prefix of the per-session hashes; the session id follows it. */
    static String sessionPrefix(String instanceId) {
        return "sess:" + RevocationKeys.tag(instanceId) + ":s:";
    }

    static String session(String instanceId, String sessionId) {
        return sessionPrefix(instanceId) + sessionId;
    }
}
