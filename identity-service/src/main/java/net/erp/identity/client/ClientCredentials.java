package net.erp.identity.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import net.erp.contract.error.OAuthError;
import net.erp.identity.form.FormParameters;

/**
 * How a client authenticated itself (RFC 6749 section 2.3.1): {@code client_secret_basic},
 * {@code client_secret_post}, or only its {@code client_id} ({@code none}, public apps).
 *
 * @param clientId the presented client id
 * @param secret the presented secret, or {@code null}
 * @param basic whether HTTP Basic was used, so that a refusal carries {@code WWW-Authenticate: Basic}
 */
public record ClientCredentials(String clientId, String secret, boolean basic) {

    private static final int MAX_CLIENT_ID = 256;
    private static final int MAX_SECRET = 512;

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", basic=" + basic + "]";
    }

    /** Reads the credentials of a request, refusing two mechanisms at once and malformed ones. */
    public static ClientCredentials of(String authorization, FormParameters form) {
        if (authorization == null) {
            return fromForm(form);
        }
        if (form.get("client_secret").isPresent()) {
            throw OAuthError.invalidRequest("use one client authentication method, not Basic and client_secret");
        }
        ClientCredentials basic = fromBasic(authorization);
        if (form.get("client_id").filter(id -> !id.equals(basic.clientId())).isPresent()) {
            throw OAuthError.invalidRequest("client_id differs from the client of the Basic credentials");
        }
        return basic;
    }

    private static ClientCredentials fromForm(FormParameters form) {
        String clientId = form.get("client_id")
                .orElseThrow(() -> OAuthError.invalidClient("client authentication is required", false));
        return checked(new ClientCredentials(clientId, form.get("client_secret").orElse(null), false));
    }

    private static ClientCredentials fromBasic(String authorization) {
        String[] parts = authorization.trim().split(" +", 2);
        if (!parts[0].toLowerCase(Locale.ROOT).equals("basic")) {
            throw OAuthError.invalidClient("client authentication supports Basic, not this scheme", false);
        }
        if (parts.length < 2) {
            throw OAuthError.invalidRequest("the Basic credentials are malformed");
        }
        String decoded = utf8(base64(parts[1].trim()));
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidRequest("the Basic credentials are malformed");
        }
        String clientId = FormParameters.decode(decoded.substring(0, colon));
        String secret = FormParameters.decode(decoded.substring(colon + 1));
        if (clientId.isEmpty()) {
            throw OAuthError.invalidClient("client authentication is required", true);
        }
        return checked(new ClientCredentials(clientId, secret.isEmpty() ? null : secret, true));
    }

    private static ClientCredentials checked(ClientCredentials credentials) {
        boolean secretTooLong = credentials.secret() != null && credentials.secret().length() > MAX_SECRET;
        if (credentials.clientId().length() > MAX_CLIENT_ID || secretTooLong) {
            throw OAuthError.invalidClient("client authentication failed", credentials.basic());
        }
        return credentials;
    }

    private static byte[] base64(String encoded) {
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("the Basic credentials are not base64");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.invalidRequest("the Basic credentials are not UTF-8");
        }
    }
}
