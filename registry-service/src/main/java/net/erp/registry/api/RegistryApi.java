package net.erp.registry.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI description of registry-service's REST API, served at {@code /q/openapi}. */
@OpenAPIDefinition(
        info = @Info(title = "ERP identity platform: registry-service", version = "0.1.0",
                description = "Instances, Trusted Applications, scopes and client secrets. The admin API takes a "
                        + "bearer access token of identity-service with the scope admin; the internal API takes "
                        + "the X-Internal-Secret header of the platform's services."),
        tags = {
            @Tag(name = "instances", description = "ERP tenant instances and their hostnames"),
            @Tag(name = "apps", description = "Trusted Applications of an instance"),
            @Tag(name = "secrets", description = "Client secrets of a confidential app"),
            @Tag(name = "scopes", description = "Scopes of an instance"),
            @Tag(name = "internal", description = "Calls of the platform's other services")
        })
@SecurityScheme(securitySchemeName = RegistryApi.ADMIN_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An RFC 9068 access token of identity-service with the scope admin")
@SecurityScheme(securitySchemeName = RegistryApi.INTERNAL_SECRET, type = SecuritySchemeType.APIKEY,
        in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.HEADER,
        apiKeyName = "X-Internal-Secret", description = "The platform's INTERNAL_API_SECRET")
public class RegistryApi extends Application {

    /** The security scheme of the admin API. */
    public static final String ADMIN_TOKEN = "adminToken";

    /** The security scheme of the internal API. */
    public static final String INTERNAL_SECRET = "internalSecret";
}
