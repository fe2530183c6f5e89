package net.erp.identity.authorize;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.Nonce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.erp.fixtures.LogLines;
import net.erp.fixtures.browser.HtmlForm;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.Browser;
import net.erp.identity.signin.OidcClient;
import net.erp.identity.signin.TestUsers;
import net.erp.identity.signin.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login form: wrong credentials, the kind of user, the throttle, the audit trail. */
@QuarkusTest
class LoginTest {

    private final TestTenant tenant = TestTenant.create();
    private final Browser browser = new Browser(tenant);
    private TestUser user;
    private OidcClient client;
    private LogLines audit;

    @Inject
    LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        user = TestUsers.create(tenant, "INTERNAL");
        client = OidcClient.confidential(tenant);
        audit = LogLines.audit();
    }

    @AfterEach
    void stopListening() {
        audit.close();
    }

    private Response loginPage() {
        return browser.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());
    }

    @Test
    void loginWhenPasswordWrongThenFormAgainWithGenericMessage() {
        Response answer = browser.signIn(loginPage(), user.username(), "wrong-" + user.password());

        answer.then().statusCode(400).header("Set-Cookie", nullValue())
                .body(containsString("The username or password is incorrect."))
                .body(containsString("name=\"password\""));
    }

    @Test
    void loginWhenUsernameUnknownThenSameGenericMessage() {
        Response answer = browser.signIn(loginPage(), "nobody-" + user.username(), user.password());

        answer.then().statusCode(400).body(containsString("The username or password is incorrect."));
    }

    @Test
    void loginWhenWrongPasswordThenAuditWithoutPasswordOrUsername() {
        String wrong = "wrong-" + user.password();

        browser.signIn(loginPage(), user.username(), wrong);

        String event = audit.lines().stream().filter(line -> line.contains("event=signin.failure"))
                .findFirst().orElseThrow();
        assertTrue(event.contains("instance=" + tenant.id()));
        assertTrue(event.contains("client_id=" + client.clientId()));
        assertFalse(event.contains(wrong));
        assertFalse(event.contains(user.username()));
    }

    @Test
    void loginWhenSucceededThenAuditSignInAndCodeIssued() {
        browser.signIn(loginPage(), user.username(), user.password());

        assertTrue(audit.lines().stream().anyMatch(line -> line.contains("event=signin.success")
                && line.contains("user=" + user.id()) && !line.contains(user.password())));
        assertTrue(audit.lines().stream().anyMatch(line -> line.contains("event=code.issued")));
    }

    @Test
    void loginWhenUserKindNotAllowedThenAccessDenied() {
        TestUser community = TestUsers.create(tenant, "COMMUNITY");

        Response answer = browser.signIn(loginPage(), community.username(), community.password());

        answer.then().statusCode(302).header("Location", containsString("error=access_denied"))
                .header("Set-Cookie", nullValue());
    }

    @Test
    void loginWhenCommunityUsersAllowedThenCode() {
        TestUser community = TestUsers.create(tenant, "COMMUNITY");
        client.set("communityUsersAllowed", true);

        Response answer = browser.signIn(loginPage(), community.username(), community.password());

        answer.then().statusCode(302).header("Location", containsString("code="));
    }

    @Test
    void loginWhenFormPostedAgainAfterSuccessThenExpiredPage() {
        Response page = loginPage();
        browser.signIn(page, user.username(), user.password());

        Response again = browser.signIn(page, user.username(), user.password());

        again.then().statusCode(400).header("Location", nullValue()).body(containsString("expired"));
    }

    @Test
    void loginWhenRequestIdForgedThenExpiredPage() {
        Response answer = browser.submit(loginPage(), Map.of("request", "forged", "username", user.username(),
                "password", user.password()));

        answer.then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void loginWhenPasswordWrongThenFailureCounted() {
        browser.signIn(loginPage(), user.username(), "wrong-" + user.password());

        tenant.request().get("/q/metrics").then().statusCode(200)
                .body(containsString("signins_total{instance=\"" + tenant.id() + "\",outcome=\"failure\"} 1.0"));
    }

    @Test
    void loginWhenTooManyWrongPasswordsFromAnotherAddressThenRightOneAccepted() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.attempt(tenant.id(), user.username(), "192.0.2.77").await().indefinitely();
        }

        Response answer = browser.signIn(loginPage(), user.username(), user.password());

        answer.then().statusCode(302).header("Location", containsString("code="));
    }

    @Test
    void loginWhenThisAddressFailedTooOftenOverUsernamesThenRefusedForAnyUsername() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
            for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
                throttle.attempt(tenant.id(), "guess-" + i, loopback).await().indefinitely();
            }
        }

        Response answer = browser.signIn(loginPage(), user.username(), user.password());

        answer.then().statusCode(429).body(containsString("this network")).body(not(containsString("code=")));
        assertTrue(audit.lines().stream().anyMatch(line -> line.contains("event=signin.failure")
                && line.contains("reason=throttled_address")));
    }

    @Test
    void loginWhenTooManyWrongPasswordsThenRightOneRefusedToo() {
        Response page = loginPage();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            browser.signIn(page, user.username(), "wrong-" + i);
        }

        Response answer = browser.signIn(page, user.username(), user.password());

        answer.then().statusCode(429).body(containsString("Too many")).body(not(containsString("code=")));
    }

    @Test
    void loginWhenWrongPasswordsSentInParallelThenNoneGetsPastTheLimit() throws Exception {
        Response page = loginPage();
        HtmlForm form = HtmlForm.of(page.asString());
        String loginCookie = browser.cookieNamed(LoginCookie.NAME);
        int attempts = LoginThrottle.MAX_FAILURES * 2;
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String body = form.body(Map.of("username", user.username(), "password", "wrong-" + i));
            answers.add(threads.submit(() -> {
                start.await();
                return tenant.request().redirects().follow(false).urlEncodingEnabled(false)
                        .cookie(LoginCookie.NAME, loginCookie).contentType("application/x-www-form-urlencoded")
                        .body(body).post(form.action()).statusCode();
            }));
        }

        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertEquals(LoginThrottle.MAX_FAILURES, statuses.stream().filter(status -> status == 400).count(),
                "wrong passwords checked: " + statuses);
        assertEquals(attempts - LoginThrottle.MAX_FAILURES, statuses.stream().filter(status -> status == 429).count(),
                "attempts refused: " + statuses);
    }

    @Test
    void loginWhenFormPostedFromAnotherBrowserThenExpiredPageAndNoCode() {
        Response page = loginPage();
        Browser other = new Browser(tenant);
        other.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());

        Response answer = other.signIn(page, user.username(), user.password());

        answer.then().statusCode(400).header("Location", nullValue()).header("Set-Cookie", nullValue())
                .body(containsString("expired"));
    }

    @Test
    void loginWhenFormPostedWithoutLoginCookieThenExpiredPage() {
        Response page = loginPage();
        browser.cookie(LoginCookie.NAME, null);

        Response answer = browser.signIn(page, user.username(), user.password());

        answer.then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void loginPageWhenShownThenLoginCookieHttpOnlyLaxOnAuthorizePath() {
        Response page = loginPage();

        page.then().statusCode(200).header("Set-Cookie", containsString(LoginCookie.NAME + "="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Lax"))
                .header("Set-Cookie", containsString("Path=/id/connect/authorize"))
                .header("Set-Cookie", not(containsString("Secure")));
    }

    @Test
    void loginWhenTwoFormsOpenInOneBrowserThenEachSignsIn() {
        Response first = loginPage();
        Response second = loginPage();

        Response firstAnswer = browser.signIn(first, user.username(), user.password());
        Response secondAnswer = browser.signIn(second, user.username(), user.password());

        firstAnswer.then().statusCode(302).header("Location", containsString("code="));
        secondAnswer.then().statusCode(302).header("Location", containsString("code="));
    }
}
