package net.erp.contract.http;

import net.erp.contract.error.OAuthError;

/**
 * The part of a list an admin API call asks for, Keycloak style, the same in every service: {@code first} entries
 * are skipped (default 0), at most {@code max} are answered (default {@value #DEFAULT_MAX}, at most
 * {@value #MAX_MAX}). A caller pages on until it gets fewer than it asked for.
 *
 * @param first how many entries of the sorted list to skip
 * @param max how many to answer at most
 */
public record Page(int first, int max) {

    /** What a list answers when {@code max} is left out. */
    public static final int DEFAULT_MAX = 100;

    /** The most one call answers. */
    public static final int MAX_MAX = 1000;

    /** The page of the query parameters {@code first} and {@code max}, either left out or a decimal number. */
    public static Page of(String first, String max) {
        int skip = number("first", first, 0);
        int size = number("max", max, DEFAULT_MAX);
        if (skip < 0) {
            throw invalid("first", "must be 0 or more");
        }
        if (size < 1 || size > MAX_MAX) {
            throw invalid("max", "must be 1 to " + MAX_MAX);
        }
        return new Page(skip, size);
    }

    /** The index of the last entry of the page, for a query's range. */
    public int last() {
        return (int) Math.min((long) first + max - 1, Integer.MAX_VALUE);
    }

    private static OAuthError invalid(String field, String problem) {
        return OAuthError.invalidRequest(field + ": " + problem);
    }

    private static int number(String field, String value, int otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a whole number");
        }
    }
}
