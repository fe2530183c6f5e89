package net.erp.identity.keys;

/** A JSON Web Key Set (RFC 7517 section 5) as served, and its entity tag (RFC 9110 section 8.8.3). */
public record Jwks(String json, String etag) {
}
