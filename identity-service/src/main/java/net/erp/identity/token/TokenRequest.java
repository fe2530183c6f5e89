package net.erp.identity.token;

import net.erp.identity.client.ClientCredentials;
import net.erp.identity.form.FormParameters;
import net.erp.identity.instance.InstanceContext;

/**
 * A request to the token endpoint (RFC 6749 section 4), read and syntactically checked.
 *
 * @param instance the instance the request's host chose
 * @param grantType the {@code grant_type} parameter
 * @param parameters every form parameter
 * @param credentials how the client authenticated
 */
public record TokenRequest(InstanceContext instance, String grantType, FormParameters parameters,
        ClientCredentials credentials) {
}
