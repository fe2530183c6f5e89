package net.erp.identity.discovery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * A public JSON document that clients may cache: {@code Cache-Control: public, max-age}, an {@code ETag},
 * and {@code 304 Not Modified} when the client's {@code If-None-Match} names the current version.
 */
final class CacheableJson {

    private CacheableJson() {
    }

    static Response of(String json, String etag, String ifNoneMatch, Duration maxAge) {
        String cacheControl = "public, max-age=" + maxAge.toSeconds();
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
