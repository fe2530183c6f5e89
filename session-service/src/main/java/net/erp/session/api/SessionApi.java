package net.erp.session.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI description of session-service's REST API, served at {@code /q/openapi}: which credentials its
 * operations take, now that the resources read them from the headers themselves.
 */
@OpenAPIDefinition(info = @Info(title = "ERP identity platform: session-service", version = "0.1.0",
        description = "Licence-slot sessions. Every call carries one credential: an access token of "
                + "identity-service or a reference token (PAT/SAT) as a bearer token, or a reference token in "
                + "the X-Api-Key or Api-Key header. Internal calls take the X-Internal-Secret header."))
@SecurityScheme(securitySchemeName = SessionApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An RFC 9068 access token of identity-service, or a reference token (PAT/SAT)")
@SecurityScheme(securitySchemeName = SessionApi.X_API_KEY, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key", description = "A reference token (PAT/SAT)")
@SecurityScheme(securitySchemeName = SessionApi.API_KEY, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "Api-Key", description = "A reference token (PAT/SAT)")
@SecurityScheme(securitySchemeName = SessionApi.INTERNAL_SECRET, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-Internal-Secret",
        description = "The platform's INTERNAL_API_SECRET")
public class SessionApi extends Application {

    public static final String BEARER = "bearerToken";
    public static final String X_API_KEY = "xApiKey";
    public static final String API_KEY = "apiKey";
    public static final String INTERNAL_SECRET = "internalSecret";
}
