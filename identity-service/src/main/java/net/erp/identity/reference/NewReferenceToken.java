package net.erp.identity.reference;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import net.erp.contract.error.OAuthError;
import net.erp.identity.registry.TrustedApplication;

/**
 * The body of {@code POST /api/instances/{instanceId}/reference-tokens} (SPEC "Reference tokens"). Each
 * rule that refuses it names its field in a 400 {@code invalid_request}.
 */
@RegisterForReflection
public record NewReferenceToken(String kind, String clientId, String subject, List<String> scopes,
        String expiresAt, String description) {

    private static final int MAX_CLIENT_ID = 256;
    private static final int MAX_SUBJECT = 256;
    private static final int MAX_DESCRIPTION = 200;

    /** A request that passed the checks that need no app: its kind, expiry and scopes read. */
    record Checked(ReferenceTokenKind kind, String clientId, String subject, List<String> scopes,
            Instant expiresAt, String description) {
    }

    /** Refuses the first field that breaks a rule of its own, naming it. */
    Checked checked(Instant now, Duration maxLifetime) {
        ReferenceTokenKind checkedKind = ReferenceTokenKind.named(kind)
                .orElseThrow(() -> OAuthError.invalidRequest("kind must be PAT or SAT"));
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID) {
            throw OAuthError.invalidRequest("clientId is required: the app the token is for");
        }
        requireSubject(checkedKind);
        return new Checked(checkedKind, clientId, subject, checkedScopes(), checkedExpiry(now, maxLifetime),
                checkedDescription());
    }

    private void requireSubject(ReferenceTokenKind checkedKind) {
        if (checkedKind == ReferenceTokenKind.SAT && subject != null) {
            throw OAuthError.invalidRequest("subject must be left out of a SAT: its subject is the app's system user");
        }
        if (checkedKind == ReferenceTokenKind.PAT
                && (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT)) {
            throw OAuthError.invalidRequest("subject is required for a PAT: the id of a user of this instance");
        }
    }

    private List<String> checkedScopes() {
        if (scopes == null || scopes.isEmpty()) {
            throw OAuthError.invalidRequest("scopes must list at least one scope of the app");
        }
        for (String scope : scopes) {
            if (scope == null || scope.isBlank()) {
                throw OAuthError.invalidRequest("scopes must not hold an empty scope");
            }
            if (scope.equals(TrustedApplication.ADMIN_SCOPE)) {
                throw OAuthError.invalidRequest("scopes must not hold admin: no reference token can have it");
            }
        }
        return List.copyOf(new LinkedHashSet<>(scopes));
    }

    private Instant checkedExpiry(Instant now, Duration maxLifetime) {
        if (expiresAt == null || expiresAt.isBlank()) {
            throw OAuthError.invalidRequest("expiresAt is required: an ISO-8601 time, e.g. 2030-01-31T00:00:00Z");
        }
        Instant expiry;
        try {
            expiry = OffsetDateTime.parse(expiresAt.trim()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw OAuthError.invalidRequest("expiresAt is not an ISO-8601 time with offset, e.g. 2030-01-31T00:00:00Z");
        }
        if (!expiry.isAfter(now)) {
            throw OAuthError.invalidRequest("expiresAt must be in the future");
        }
        if (expiry.isAfter(now.plus(maxLifetime))) {
            throw OAuthError.invalidRequest("expiresAt must be at most " + describe(maxLifetime) + " ahead");
        }
        return expiry;
    }

    private static String describe(Duration lifetime) {
        return lifetime.toSeconds() % 86_400 == 0 ? lifetime.toDays() + " days" : lifetime.toString();
    }

    private String checkedDescription() {
        if (description != null && (description.length() > MAX_DESCRIPTION
                || description.chars().anyMatch(Character::isISOControl))) {
            throw OAuthError.invalidRequest("description must be at most 200 printable characters");
        }
        return description;
    }
}
