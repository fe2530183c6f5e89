package net.erp.registry.app;

/** RFC 6749 section 2.1: whether an app can keep a secret. */
public enum ClientType {
    /** Runs where its code can be read (browser, device): no secret, PKCE with S256, no system user. */
    PUBLIC,
    /** Runs on a server: authenticates with a client secret. */
    CONFIDENTIAL
}
