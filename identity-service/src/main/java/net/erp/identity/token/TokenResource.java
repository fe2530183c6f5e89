package net.erp.identity.token;

import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.erp.contract.error.OAuthError;
import net.erp.identity.client.ClientCredentials;
import net.erp.identity.form.FormParameters;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.instance.InstanceResolver;

/**
 * The token endpoint (RFC 6749 section 3.2) of the instance the host names. It reads the form itself, so
 * that another content type, a repeated parameter or a malformed encoding is a 400 {@code invalid_request}
 * like every other refusal, then hands the request to the {@link Grant} of its {@code grant_type}.
 */
@Path("/id/connect/token")
public class TokenResource {

    private final InstanceResolver instances;
    private final Map<String, Grant> grants;
    private final TokenMetrics metrics;

    TokenResource(InstanceResolver instances, @All List<Grant> grants, TokenMetrics metrics) {
        this.instances = instances;
        this.grants = grants.stream().collect(Collectors.toMap(Grant::grantType, Function.identity()));
        this.metrics = metrics;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(@Context HttpServerRequest http, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        Timer.Sample sample = metrics.start();
        return instances.resolve(http)
                .map(instance -> read(instance, type, authorization, body))
                .flatMap(request -> grants.get(request.grantType()).grant(request).invoke(granted ->
                        metrics.issued(sample, request.grantType(), request.instance().instanceId())))
                .onFailure().invoke(failure -> metrics.refused(sample, failure))
                .map(TokenResource::noStore);
    }

    private TokenRequest read(InstanceContext instance, String type, String authorization, String body) {
        FormParameters form = FormParameters.parse(type, body);
        String grantType = form.require("grant_type");
        if (!grants.containsKey(grantType)) {
            throw OAuthError.unsupportedGrantType("this server does not support that grant_type");
        }
        return new TokenRequest(instance, grantType, form, ClientCredentials.of(authorization, form));
    }

    private static Response noStore(TokenResponse token) {
        return Response.ok(token)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
