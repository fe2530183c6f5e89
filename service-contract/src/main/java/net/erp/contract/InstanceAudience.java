package net.erp.contract;

import java.util.Optional;

/**
 * The {@code aud} of every access token of an instance (RFC 9068 section 3): the instance's API, one
 * value for every host the instance answers on. Services read the instance of a token from it.
 */
public final class InstanceAudience {

    private static final String PREFIX = "urn:erp:instance:";

    private InstanceAudience() {
    }

    public static String of(String instanceId) {
        return PREFIX + instanceId;
    }

    /** The instance an audience names, or empty when it is not an instance audience. */
    public static Optional<String> instanceOf(String audience) {
        if (audience == null || !audience.startsWith(PREFIX) || audience.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(audience.substring(PREFIX.length()));
    }
}
