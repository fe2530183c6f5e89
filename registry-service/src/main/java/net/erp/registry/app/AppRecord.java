package net.erp.registry.app;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Trusted Application as the REST APIs read and write it: every field of the SPEC's table, never a
 * secret. In a request every field but {@code clientId}, {@code name} and {@code clientType} may be left out
 * (lists empty, flags false, {@code enabled} true, {@code referenceTokens} NONE); {@code clientId} may be
 * left out of a {@code PUT}, where the path names the app.
 */
@Schema(name = "TrustedApplication", description = "An app the instance trusts to sign users in or call its APIs")
public record AppRecord(
        @Schema(description = "the OAuth client_id: an application URI, unique in the instance",
                examples = "com.vendor/app") String clientId,
        @Schema(description = "shown on the login page") String name,
        @Schema(description = "PUBLIC cannot keep a secret; CONFIDENTIAL authenticates with one")
        ClientType clientType,
        @Schema(description = "absolute, exact-match sign-in redirect URIs: https, or http on a loopback host")
        List<String> redirectUris,
        @Schema(description = "absolute, exact-match sign-out redirect URIs") List<String> postLogoutRedirectUris,
        @Schema(description = "staff may sign in through the app", defaultValue = "false")
        Boolean internalUsersAllowed,
        @Schema(description = "customers and partners may sign in through the app", defaultValue = "false")
        Boolean communityUsersAllowed,
        @Schema(description = "the app may use the client credentials grant as its system user",
                defaultValue = "false") Boolean systemUserAllowed,
        @Schema(description = "the name the ERP instance knows the system user by; sub of the service tokens")
        String systemUser,
        @Schema(description = "scopes the app may be granted: built-in or defined by the instance, never admin "
                + "or sec") List<String> scopes,
        @Schema(description = "who may issue reference tokens for the app", defaultValue = "NONE")
        ReferenceTokenPolicy referenceTokens,
        @Schema(description = "false stops the app at once", defaultValue = "true") Boolean enabled) {

    /** The record of a stored app. */
    public static AppRecord of(TrustedApplication app) {
        return new AppRecord(app.clientId, app.name, app.clientType, List.of(app.redirectUris),
                List.of(app.postLogoutRedirectUris), app.internalUsersAllowed, app.communityUsersAllowed,
                app.systemUserAllowed, app.systemUser, List.of(app.scopes), app.referenceTokens, app.enabled);
    }
}
