package net.erp.identity.reference;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of reference token (SPEC "Reference tokens") and the prefix secret scanners match. */
enum ReferenceTokenKind {

    /** A personal access token: acts as the user who is its subject. */
    PAT("erp_pat_"),
    /** A service access token: acts as its app's system user. */
    SAT("erp_sat_");

    private final String prefix;

    ReferenceTokenKind(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    static Optional<ReferenceTokenKind> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
