package net.erp.session.token;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of identity-service's internal introspection call (RFC 7662 section 2.1 in spirit).
 *
 * @param token the reference token's value; travels only to identity-service, never into a log
 */
@RegisterForReflection
record ReferenceTokenQuery(String token) {

    @Override
    public String toString() {
        return "ReferenceTokenQuery[token=(hidden)]";
    }
}
