package net.erp.registry.rules;

import java.util.HashSet;
import java.util.List;
import net.erp.contract.error.OAuthError;

/**
 * Checks of request fields shared by the features. Each refusal is {@code 400 invalid_request} with the
 * description {@code "<field>: <problem>"}, so that the caller learns which input to fix.
 */
public final class Fields {

    private Fields() {
    }

    /** A refusal of one field. */
    public static OAuthError invalid(String field, String problem) {
        return OAuthError.invalidRequest(field + ": " + problem);
    }

    /** A request without a body where one is needed. */
    public static OAuthError missingBody() {
        return OAuthError.invalidRequest("the request body is required");
    }

    /** A required text of at most {@code maxLength} characters, not blank, without control characters. */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        return optionalText(field, value, maxLength);
    }

    /** An optional text: {@code null}, or as {@link #text}. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw invalid(field, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw invalid(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, "must not contain control characters");
        }
        return value;
    }

    /** A list that may be left out (then empty), with no {@code null} and no repeated entry. */
    public static List<String> list(String field, List<String> values, int maxSize) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxSize) {
            throw invalid(field, "must have at most " + maxSize + " entries");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw invalid(field + "[" + i + "]", "must not be null");
            }
            if (!seen.add(values.get(i))) {
                throw invalid(field + "[" + i + "]", "repeats '" + values.get(i) + "'");
            }
        }
        return List.copyOf(values);
    }

    /** A flag that may be left out. */
    public static boolean flag(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }
}
