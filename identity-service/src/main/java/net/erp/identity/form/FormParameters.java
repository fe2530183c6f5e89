package net.erp.identity.form;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.erp.contract.error.OAuthError;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} request body (RFC 6749 section 3.2 and
 * appendix B). A parameter may appear once; one sent without a value counts as omitted (section 3.1).
 */
public final class FormParameters {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = values;
    }

    /** Parses the body, refusing another content type, a malformed encoding and a repeated parameter. */
    public static FormParameters parse(String contentType, String body) {
        if (contentType == null || !mediaType(contentType).equals(FORM)) {
            throw OAuthError.invalidRequest("the request body must be " + FORM);
        }
        var values = new HashMap<String, String>();
        if (body == null || body.isEmpty()) {
            return new FormParameters(values);
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (values.containsKey(name)) {
                throw OAuthError.invalidRequest(
                        "the parameter '" + RequestParameters.printable(name) + "' is repeated");
            }
            values.put(name, value);
        }
        return new FormParameters(values);
    }

    /** The parameter, empty when it is absent or has no value. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
    }

    /** The names of every parameter sent. */
    public Set<String> names() {
        return Set.copyOf(values.keySet());
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> OAuthError.invalidRequest("the parameter '" + name + "' is missing"));
    }

    /** Decodes one form-urlencoded name or value (also used for Basic credentials, RFC 6749 2.3.1). */
    public static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("the request is not correctly form-urlencoded");
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
