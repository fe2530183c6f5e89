package net.erp.identity.reference;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.erp.identity.TestTenant.TestApp;
import net.erp.identity.reference.ReferenceTokenFixture.Member;
import net.erp.identity.token.AccessTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may issue, by the app's referenceTokens policy (NONE, ADMINISTRATORS_ONLY, AUTHENTICATED_USERS). */
@QuarkusTest
class ReferenceTokenPolicyTest {

    @Inject
    AccessTokenIssuer issuer;

    private ReferenceTokenFixture fixture;
    private Member administrator;
    private Member user;
    private Member other;

    @BeforeEach
    void instance() {
        fixture = new ReferenceTokenFixture(issuer);
        administrator = fixture.user(true);
        user = fixture.user(false);
        other = fixture.user(false);
    }

    private int status(String caller, String policy, String subject) {
        TestApp app = fixture.app(policy);
        return fixture.create(caller, ReferenceTokenFixture.pat(app, subject)).statusCode();
    }

    @Test
    void noneWhenOperatorThenForbidden() {
        fixture.create(ReferenceTokenFixture.operator(), ReferenceTokenFixture.pat(fixture.app("NONE"), user.id()))
                .then().statusCode(403).body("error", equalTo("access_denied"));
    }

    @Test
    void noneWhenAdministratorThenForbidden() {
        assertEquals(403, status(administrator.token(), "NONE", user.id()));
    }

    @Test
    void noneWhenUserForThemselfThenForbidden() {
        assertEquals(403, status(user.token(), "NONE", user.id()));
    }

    @Test
    void administratorsOnlyWhenOperatorThenCreated() {
        assertEquals(201, status(ReferenceTokenFixture.operator(), "ADMINISTRATORS_ONLY", user.id()));
    }

    @Test
    void administratorsOnlyWhenAdministratorThenCreated() {
        assertEquals(201, status(administrator.token(), "ADMINISTRATORS_ONLY", user.id()));
    }

    @Test
    void administratorsOnlyWhenUserForThemselfThenForbidden() {
        assertEquals(403, status(user.token(), "ADMINISTRATORS_ONLY", user.id()));
    }

    @Test
    void administratorsOnlyWhenUserForAnotherThenForbidden() {
        assertEquals(403, status(user.token(), "ADMINISTRATORS_ONLY", other.id()));
    }

    @Test
    void authenticatedUsersWhenOperatorThenCreated() {
        assertEquals(201, status(ReferenceTokenFixture.operator(), "AUTHENTICATED_USERS", user.id()));
    }

    @Test
    void authenticatedUsersWhenAdministratorForAnotherThenCreated() {
        assertEquals(201, status(administrator.token(), "AUTHENTICATED_USERS", user.id()));
    }

    @Test
    void authenticatedUsersWhenUserForThemselfThenCreated() {
        assertEquals(201, status(user.token(), "AUTHENTICATED_USERS", user.id()));
    }

    @Test
    void authenticatedUsersWhenUserForAnotherThenForbidden() {
        assertEquals(403, status(user.token(), "AUTHENTICATED_USERS", other.id()));
    }

    @Test
    void authenticatedUsersWhenUserAsksForSatThenForbidden() {
        TestApp app = fixture.app("AUTHENTICATED_USERS");

        fixture.create(user.token(), ReferenceTokenFixture.sat(app)).then().statusCode(403);
    }

    @Test
    void authenticatedUsersWhenAdministratorAsksForSatThenCreated() {
        TestApp app = fixture.app("AUTHENTICATED_USERS");

        fixture.create(administrator.token(), ReferenceTokenFixture.sat(app)).then().statusCode(201);
    }

    @Test
    void createWhenServiceTokenThenForbidden() {
        TestApp app = fixture.app("AUTHENTICATED_USERS");

        fixture.create(fixture.tenant.token(app), ReferenceTokenFixture.pat(app, user.id())).then().statusCode(403);
    }

    @Test
    void createWhenAdministratorOfAnotherInstanceThenInvalidToken() {
        Member foreign = new ReferenceTokenFixture(issuer).user(true);
        TestApp app = fixture.app("ADMINISTRATORS_ONLY");

        fixture.create(foreign.token(), ReferenceTokenFixture.pat(app, user.id()))
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void createWhenCallerUsesAReferenceTokenThenForbidden() {
        TestApp app = fixture.app("AUTHENTICATED_USERS");
        String pat = fixture.patValue(app, user);

        fixture.create(pat, ReferenceTokenFixture.pat(app, user.id())).then().statusCode(403);
    }

    @Test
    void usersApiWhenAnAdministratorCallsWithTheirPatThenForbidden() {
        String pat = fixture.patValue(fixture.app("AUTHENTICATED_USERS"), administrator);

        ReferenceTokenFixture.as(pat).get("/api/instances/" + fixture.tenant.id() + "/users")
                .then().statusCode(403).body("error", equalTo("access_denied"));
        ReferenceTokenFixture.as(administrator.token()).get("/api/instances/" + fixture.tenant.id() + "/users")
                .then().statusCode(200);
    }
}
