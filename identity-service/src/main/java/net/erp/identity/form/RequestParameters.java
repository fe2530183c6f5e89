package net.erp.identity.form;

import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.erp.contract.error.OAuthError;

/**
 * The parameters of a request the browser sends as a query or a form (the authorization and end-session
 * endpoints, the REST listings): each at most once (RFC 6749 section 3.1), and one sent without a value
 * counts as omitted.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /** The query's parameters, refusing a repeated one. */
    public static Map<String, String> ofQuery(UriInfo uri) {
        var parameters = new HashMap<String, String>();
        for (Map.Entry<String, List<String>> entry : uri.getQueryParameters().entrySet()) {
            if (entry.getValue().size() > 1) {
                throw OAuthError.invalidRequest("the parameter '" + printable(entry.getKey()) + "' is repeated");
            }
            String value = entry.getValue().isEmpty() ? "" : entry.getValue().get(0);
            if (!value.isEmpty()) {
                parameters.put(entry.getKey(), value);
            }
        }
        return parameters;
    }

    /** The form body's parameters ({@link FormParameters#parse}), those with a value. */
    public static Map<String, String> ofForm(String contentType, String body) {
        FormParameters form = FormParameters.parse(contentType, body);
        var parameters = new HashMap<String, String>();
        for (String name : form.names()) {
            form.get(name).ifPresent(value -> parameters.put(name, value));
        }
        return parameters;
    }

    /** A parameter's name as an error message may show it: at most 40 plain characters. */
    static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) : name;
        return shown.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
