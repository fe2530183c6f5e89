package net.erp.identity.idtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdTokenIssuerTest {

    @Test
    void atHashWhenKnownTokenThenLeftHalfOfSha256Base64url() {
        // The access token and at_hash of OpenID Connect Core 1.0 appendix A.3.
        String hash = IdTokenIssuer.atHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y");

        assertEquals("77QmUPtjPfzWtF2AnpK9RQ", hash);
    }
}
