package net.erp.contract.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every refusal into the RFC 6749 5.2 body {@code {"error", "error_description"}} with its status,
 * {@code Cache-Control: no-store} and, for bearer and Basic refusals, {@code WWW-Authenticate}.
 * Call sites throw {@link OAuthError}; none of them picks a status.
 */
public class OAuthErrorMapper {

    private static final Logger LOG = Logger.getLogger(OAuthErrorMapper.class);

    @ServerExceptionMapper
    public Response oauthError(OAuthError e) {
        if (e.status() >= 500) {
            LOG.warnf("refused with %d %s: %s", e.status(), e.error(), e.description());
        } else {
            LOG.debugf("refused with %d %s: %s", e.status(), e.error(), e.description());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("error", e.error());
        if (e.description() != null) {
            body.put("error_description", e.description());
        }
        body.putAll(e.extra());

        var response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(body);
        String challenge = challenge(e);
        if (challenge != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response.build();
    }

    /** A body Jackson could not read: malformed JSON, an unknown field, a value of the wrong type. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        return oauthError(OAuthError.invalidRequest(describe(e)));
    }

    /**
     * quarkus-rest-jackson ships its own mapper of {@link MismatchedInputException} (an unknown field, a
     * value of the wrong type), more specific than the one above; this one keeps such bodies in our format.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** Framework refusals (404 of an unknown path, 405, 406, 415) in the same body format. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return oauthError(OAuthError.of(status, "server_error", "the server could not complete the request"));
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return oauthError(OAuthError.of(status, errorFor(status), e.getResponse().getStatusInfo().getReasonPhrase()));
    }

    private static String errorFor(int status) {
        return switch (status) {
            case 401 -> "invalid_token";
            case 403 -> "access_denied";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> "invalid_request";
        };
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException format) {
            return "field '" + path(format) + "' has the wrong type or format";
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "field '" + path(mismatch) + "' has the wrong type";
        }
        if (e instanceof MismatchedInputException) {
            return "the request body is not the expected JSON object";
        }
        return "the request body is not valid JSON";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String challenge(OAuthError e) {
        return switch (e.challenge()) {
            case NONE -> null;
            case BEARER -> "Bearer";
            case BASIC -> "Basic realm=\"token\"";
            case BEARER_ERROR -> "Bearer error=\"" + e.error() + "\", error_description=\""
                    + e.description().replace("\"", "'") + "\"";
        };
    }
}
