package net.erp.session.session;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.erp.contract.revocation.RevocationList;
import net.erp.fixtures.RegistryStandIn;
import net.erp.fixtures.TestIssuer;
import net.erp.session.instance.InstanceDirectory;

/**
 * An instance of its own for one test, put in the registry stand-in under a random id, its tokens, and the
 * entries of the platform's revocation list that refuse them (written as identity-service would).
 */
final class TestInstance {

    private static final Duration WAIT = Duration.ofSeconds(5);

    final String id;

    private TestInstance(String id) {
        this.id = id;
    }

    static TestInstance create(int licenseLimit, String... reservedAccounts) {
        TestInstance instance = new TestInstance("t-" + UUID.randomUUID());
        instance.update(licenseLimit, reservedAccounts);
        return instance;
    }

    /** Changes the record in the stand-in; session-service sees it once its cache lets go. */
    void update(int licenseLimit, String... reservedAccounts) {
        RegistryStandIn.shared().putInstance(id, List.of(id + ".test"), licenseLimit, List.of(reservedAccounts));
    }

    /**
     * Changes the record in the stand-in and drops session-service's cached copy, as a change event of
     * registry-service does: the next call reads the change.
     */
    void updateNow(int licenseLimit, String... reservedAccounts) {
        update(licenseLimit, reservedAccounts);
        Arc.container().instance(InstanceDirectory.class).get().forget(id);
    }

    /** Revokes one token (RFC 7009) for a minute. */
    void revokeToken(String jti) {
        await(revocations().revokeToken(id, jti, Instant.now().plusSeconds(60)));
    }

    /** Ends a sign-in (logout). */
    void endSignIn(String sid) {
        await(revocations().endSignIn(id, sid, Duration.ofMinutes(1)));
    }

    /** Cuts off every token of a user issued up to now (password change). */
    void cutOffSubject(String subject) {
        await(revocations().cutOffSubject(id, subject, Duration.ofMinutes(1)));
    }

    /** Cuts off every token of an app issued up to now (app disabled). */
    void cutOffClient(String clientId) {
        await(revocations().cutOffClient(id, clientId, Duration.ofMinutes(1)));
    }

    /** A service token (no preferred_username) with a fresh subject, sid and jti. */
    TestIssuer.Token serviceToken() {
        return TestIssuer.shared().token(id);
    }

    /** A user's token with a fresh sign-in. */
    TestIssuer.Token userToken(String username) {
        return TestIssuer.shared().token(id).user(username).subject("user-" + username);
    }

    /** A PAT of the user {@code user-<username>}, active at the test issuer's introspection. */
    TestIssuer.ReferenceToken personalToken(String username) {
        return TestIssuer.shared().referenceToken(id).personal("user-" + username, username).register();
    }

    /** A SAT acting as the system user, active at the test issuer's introspection. */
    TestIssuer.ReferenceToken systemToken(String systemUser) {
        return TestIssuer.shared().referenceToken(id).systemUser(systemUser).register();
    }

    /** An operator's token: the scope admin, from an instance of its own. */
    static TestIssuer.Token operatorToken() {
        return TestIssuer.shared().token("operator-" + UUID.randomUUID()).scope("admin");
    }

    static String bearer(TestIssuer.Token token) {
        return "Bearer " + token.sign();
    }

    private static RevocationList revocations() {
        return Arc.container().instance(RevocationList.class).get();
    }

    private static void await(Uni<Void> write) {
        write.await().atMost(WAIT);
    }
}
