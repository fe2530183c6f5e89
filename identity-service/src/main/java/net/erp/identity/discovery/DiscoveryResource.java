package net.erp.identity.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.instance.InstanceResolver;
import net.erp.identity.keys.Jwks;
import net.erp.identity.keys.SigningKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenID Connect Discovery 1.0 (section 4) and the JWKS (RFC 7517) of the instance the host names. The
 * document describes the issuer of the host it was asked on; the JWKS holds the platform's signing keys.
 */
@Path("/id/.well-known/openid-configuration")
public class DiscoveryResource {

    private static final Duration DISCOVERY_MAX_AGE = Duration.ofMinutes(5);

    private final InstanceResolver instances;
    private final SigningKeys keys;
    private final ObjectMapper json;
    private final Duration jwksMaxAge;
    private final String algorithm;

    DiscoveryResource(InstanceResolver instances, SigningKeys keys, ObjectMapper json,
            @ConfigProperty(name = "identity.keys.jwks-max-age") Duration jwksMaxAge,
            @ConfigProperty(name = "identity.keys.algorithm") String algorithm) {
        this.instances = instances;
        this.keys = keys;
        this.json = json;
        this.jwksMaxAge = jwksMaxAge;
        this.algorithm = algorithm;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> configuration(@Context HttpServerRequest http,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return instances.resolve(http).map(instance -> {
            String document = write(document(instance));
            return CacheableJson.of(document, etag(document), ifNoneMatch, DISCOVERY_MAX_AGE);
        });
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> jwks(@Context HttpServerRequest http,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return instances.resolve(http).map(instance -> {
            Jwks jwks = keys.jwks();
            return CacheableJson.of(jwks.json(), jwks.etag(), ifNoneMatch, jwksMaxAge);
        });
    }

    private Map<String, Object> document(InstanceContext instance) {
        var document = new LinkedHashMap<String, Object>();
        document.put("issuer", instance.issuer());
        document.put("jwks_uri", instance.endpoint("/.well-known/openid-configuration/jwks"));
        document.put("authorization_endpoint", instance.endpoint("/connect/authorize"));
        document.put("token_endpoint", instance.endpoint("/connect/token"));
        document.put("userinfo_endpoint", instance.endpoint("/connect/userinfo"));
        document.put("introspection_endpoint", instance.endpoint("/connect/introspect"));
        document.put("revocation_endpoint", instance.endpoint("/connect/revocation"));
        document.put("end_session_endpoint", instance.endpoint("/connect/endsession"));
        document.put("scopes_supported", List.of("openid", "profile", "read", "update", "offline_access"));
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        document.put("response_modes_supported", List.of("query"));
        document.put("prompt_values_supported", List.of("none", "login"));
        document.put("authorization_response_iss_parameter_supported", true);
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of(algorithm));
        document.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        document.put("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        document.put("revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "sid", "client_id",
                "scope", "preferred_username", "auth_time", "nonce", "at_hash", "azp", "name", "email"));
        return document;
    }

    private String write(Map<String, Object> document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the discovery document", e);
        }
    }

    private static String etag(String document) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
