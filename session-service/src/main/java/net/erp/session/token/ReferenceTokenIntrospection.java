package net.erp.session.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * identity-service's answer on a reference token (docs/service-contract.md; RFC 7662 section 2.2 in
 * spirit). An inactive token carries {@code active: false} and nothing else.
 *
 * @param active whether the token exists, is unexpired and unrevoked
 * @param instanceId the instance the token is bound to
 * @param id the token's id: its {@code jti} and its session
 * @param kind {@code PAT} (acts as its user) or {@code SAT} (acts as its app's system user)
 * @param subject the user's id for a PAT, the system user's name for a SAT
 * @param username the user's username for a PAT; {@code null} for a SAT
 * @param clientId the app the token is bound to
 * @param scopes the granted scopes
 * @param issuedAt when it was issued, epoch seconds
 * @param expiresAt when it expires, epoch seconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
record ReferenceTokenIntrospection(boolean active, String instanceId, String id, String kind, String subject,
        String username, String clientId, List<String> scopes, Long issuedAt, Long expiresAt) {
}
