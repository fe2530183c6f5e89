package net.erp.registry.instance;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hostnames an instance answers on: DNS names and IP literals, lower case, without scheme, port or
 * path. IPv6 literals are kept in brackets in their RFC 5952 form ({@code [::1]}), as a Host header
 * carries them, so that any spelling of one address finds the same instance.
 */
public final class Hostnames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-f:.]+");

    private Hostnames() {
    }

    /** The canonical form of a hostname as configured, or empty when it is not a DNS name or IP literal. */
    public static Optional<String> canonical(String hostname) {
        String host = hostname.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            return ipv6(host.substring(1, host.length() - 1));
        }
        if (host.contains(":")) {
            return ipv6(host);
        }
        if (NUMERIC.matcher(host).matches()) {
            return IPV4.matcher(host).matches() ? Optional.of(host) : Optional.empty();
        }
        return isDnsName(host) ? Optional.of(host) : Optional.empty();
    }

    /**
     * The hostname a request's Host header names: the port is dropped and the case ignored. Empty when
     * what is left is no hostname.
     */
    public static Optional<String> ofHostHeader(String hostHeader) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? Optional.empty() : canonical(host.substring(0, end + 1));
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && colon == host.lastIndexOf(':')) {
            host = host.substring(0, colon);
        }
        return canonical(host);
    }

    private static boolean isDnsName(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> ipv6(String literal) {
        if (!IPV6_CHARACTERS.matcher(literal).matches() || literal.length() > 45) {
            return Optional.empty();
        }
        try {
            // A literal of only hex digits, colons and dots is parsed, never looked up in DNS.
            if (InetAddress.getByName(literal) instanceof Inet6Address address) {
                return Optional.of("[" + compressed(address.getAddress()) + "]");
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** RFC 5952 section 4: hex groups without leading zeros, the longest run of two or more zero groups as ::. */
    static String compressed(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
