package net.erp.identity.authorize;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.erp.contract.error.OAuthError;
import net.erp.identity.form.FormParameters;
import net.erp.identity.form.RequestParameters;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.instance.InstanceResolver;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.registry.TrustedApplication;
import net.erp.identity.signin.EndedSignIns;
import net.erp.identity.signin.SignIn;
import net.erp.identity.signin.SignInCookie;
import net.erp.identity.signin.SignInStore;
import net.erp.identity.user.User;
import net.erp.identity.user.UserDirectory;
import org.jboss.logging.Logger;

/**
 * The authorization endpoint (RFC 6749 section 3.1, OpenID Connect Core 1.0 section 3.1.2) and its login
 * form. An unknown client or a redirect URI that is not registered exactly is an HTML error page (400) and
 * never a redirect (section 4.1.2.1); every later refusal goes back to the redirect URI. A browser that
 * already signed in to the instance (the sign-in cookie) gets its code without the form, unless
 * {@code prompt=login} or {@code max_age} asks for the password again. There is no consent page (SPEC).
 */
@Path("/id/connect/authorize")
public class AuthorizeResource {

    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final String WRONG_CREDENTIALS = "The username or password is incorrect.";
    private static final String THROTTLED = "Too many failed sign-ins for this username. Try again later.";
    private static final String THROTTLED_ADDRESS = "Too many failed sign-ins from this network. Try again later.";
    private static final String BUSY = "The sign-in service is busy. Try again in a moment.";
    private static final String EXPIRED = "This sign-in form has expired or was already used. "
            + "Go back to the application and start again.";

    private final InstanceResolver instances;
    private final RegistryLookup registry;
    private final PendingAuthorizations pending;
    private final AuthorizationCodes codes;
    private final SignInStore signIns;
    private final UserDirectory users;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;
    private final EndedSignIns endedSignIns;

    AuthorizeResource(InstanceResolver instances, RegistryLookup registry, PendingAuthorizations pending,
            AuthorizationCodes codes, SignInStore signIns, UserDirectory users, LoginThrottle throttle,
            MeterRegistry meters, EndedSignIns endedSignIns) {
        this.instances = instances;
        this.registry = registry;
        this.pending = pending;
        this.codes = codes;
        this.signIns = signIns;
        this.users = users;
        this.throttle = throttle;
        this.meters = meters;
        this.endedSignIns = endedSignIns;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> get(@Context HttpServerRequest http, @Context UriInfo uri,
            @CookieParam(SignInCookie.NAME) String cookie, @CookieParam(LoginCookie.NAME) String browser) {
        return instances.resolve(http)
                .flatMap(instance -> authorize(instance, () -> RequestParameters.ofQuery(uri), cookie, browser));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> post(@Context HttpServerRequest http, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @CookieParam(SignInCookie.NAME) String cookie, @CookieParam(LoginCookie.NAME) String browser,
            String body) {
        return instances.resolve(http)
                .flatMap(instance -> authorize(instance, () -> RequestParameters.ofForm(type, body), cookie,
                        browser));
    }

    /**
     * The login form's POST: the pending request's id, {@code username} and {@code password}, from the browser
     * whose {@link LoginCookie} the request was saved for.
     */
    @POST
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> login(@Context HttpServerRequest http, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @CookieParam(LoginCookie.NAME) String browser, String body) {
        return instances.resolve(http).flatMap(instance -> Uni.createFrom().item(() -> FormParameters.parse(type, body))
                .flatMap(form -> {
                    String id = form.get("request").orElse(null);
                    String instanceId = instance.instanceId();
                    return pending.find(instanceId, id, LoginCookie.presented(browser)).flatMap(found -> found
                            .map(request -> checkPassword(instance, request, id, form, address(http)))
                            .orElseGet(() -> Uni.createFrom().item(HtmlPage.error(400, EXPIRED))));
                })
                .onFailure(OAuthError.class).recoverWithItem(AuthorizeResource::page));
    }

    private Uni<Response> authorize(InstanceContext instance, Supplier<Map<String, String>> read, String cookie,
            String browser) {
        return Uni.createFrom().item(read)
                .flatMap(parameters -> client(instance, parameters).flatMap(app -> {
                    String redirectUri = redirectUri(app, parameters);
                    AuthorizationRequest request;
                    try {
                        request = AuthorizationRequest.read(instance.instanceId(), instance.issuer(), app,
                                redirectUri, parameters);
                    } catch (OAuthError refused) {
                        return Uni.createFrom().item(AuthorizeRedirect.error(redirectUri, parameters.get("state"),
                                instance.issuer(), refused));
                    }
                    return answer(request, cookie, browser);
                }))
                .onFailure(OAuthError.class).recoverWithItem(AuthorizeResource::page);
    }

    private Uni<TrustedApplication> client(InstanceContext instance, Map<String, String> parameters) {
        String clientId = parameters.get("client_id");
        if (clientId == null || clientId.length() > 256) {
            throw OAuthError.invalidRequest("The request names no valid client_id.");
        }
        return registry.app(instance.instanceId(), clientId)
                .map(found -> found.filter(TrustedApplication::enabled).orElseThrow(() ->
                        OAuthError.invalidRequest("The application is unknown or disabled.")));
    }

    private static String redirectUri(TrustedApplication app, Map<String, String> parameters) {
        String redirectUri = parameters.get("redirect_uri");
        if (redirectUri == null) {
            throw OAuthError.invalidRequest("The request has no redirect_uri.");
        }
        if (!app.redirectUris().contains(redirectUri)) {
            throw OAuthError.invalidRequest("The redirect_uri is not registered for this application.");
        }
        return redirectUri;
    }

    private Uni<Response> answer(AuthorizationRequest request, String cookie, String browser) {
        if ("login".equals(request.prompt())) {
            return showLogin(request, browser);
        }
        return signedIn(request, cookie)
                .flatMap(signed -> {
                    if (signed.isPresent()) {
                        return grant(request, signed.get().signIn(), signed.get().user());
                    }
                    if ("none".equals(request.prompt())) {
                        return Uni.createFrom().item(AuthorizeRedirect.error(request,
                                OAuthError.of(400, "login_required", "the user is not signed in")));
                    }
                    return showLogin(request, browser);
                });
    }

    /**
     * The browser's sign-in when it is fresh enough for {@code max_age}, has not ended on the revocation list (a
     * reused refresh token ends the sign-in's tokens there), and its user still exists.
     */
    private Uni<Optional<Signed>> signedIn(AuthorizationRequest request, String cookie) {
        String instanceId = request.instanceId();
        return signIns.find(instanceId, cookie)
                .map(found -> found.filter(signIn -> fresh(signIn, request.maxAge())))
                .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(found)
                        : endedSignIns.ended(instanceId, found.get().sid(), found.get().userId(), null,
                                found.get().authTime()).map(ended -> ended ? Optional.<SignIn>empty() : found))
                .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<Signed>empty())
                        : users.find(instanceId, found.get().userId())
                                .map(user -> user.map(each -> new Signed(found.get(), each))));
    }

    private record Signed(SignIn signIn, User user) {
    }

    private static boolean fresh(SignIn signIn, Long maxAge) {
        return maxAge == null || System.currentTimeMillis() / 1000 - signIn.authTime() <= maxAge;
    }

    /** The login form, for this browser only: its {@link LoginCookie}, set now when it has none. */
    private Uni<Response> showLogin(AuthorizationRequest request, String browser) {
        String presented = LoginCookie.presented(browser);
        String value = presented != null ? presented : LoginCookie.create();
        return pending.save(request, value).map(id -> {
            Response page = LoginPage.show(request, id, null, null, 200);
            return presented != null ? page : Response.fromResponse(page)
                    .header(HttpHeaders.SET_COOKIE, LoginCookie.set(request.issuer(), value)).build();
        });
    }

    /** The client's address as Quarkus resolves it: the forwarded one when {@code PROXY_FORWARDING=true}. */
    private static String address(HttpServerRequest http) {
        var remote = http.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        return host == null ? "unknown" : host;
    }

    private Uni<Response> checkPassword(InstanceContext instance, AuthorizationRequest request, String id,
            FormParameters form, String address) {
        String username = form.get("username").orElse("");
        String password = form.get("password").orElse("");
        String instanceId = instance.instanceId();
        return throttle.attempt(instanceId, username, address).flatMap(verdict -> {
            if (verdict == LoginThrottle.Verdict.BUSY) {
                refused(request, username, "throttled_busy");
                return Uni.createFrom().item(LoginPage.show(request, id, username, BUSY, 503));
            }
            if (verdict != LoginThrottle.Verdict.OPEN) {
                boolean byAddress = verdict == LoginThrottle.Verdict.ADDRESS;
                refused(request, username, byAddress ? "throttled_address" : "throttled");
                return Uni.createFrom().item(LoginPage.show(request, id, username,
                        byAddress ? THROTTLED_ADDRESS : THROTTLED, 429));
            }
            return users.authenticate(instanceId, username, password).flatMap(user -> {
                if (user.isEmpty()) {
                    // Already counted by the attempt.
                    refused(request, username, "bad_credentials");
                    return Uni.createFrom().item(LoginPage.show(request, id, username, WRONG_CREDENTIALS, 400));
                }
                return throttle.succeeded(instanceId, username, address)
                        .flatMap(ignored -> pending.remove(instanceId, id))
                        .flatMap(first -> first ? signIn(request, user.get())
                                : Uni.createFrom().item(HtmlPage.error(400, EXPIRED)));
            });
        });
    }

    private Uni<Response> signIn(AuthorizationRequest request, User user) {
        if (!kindAllowed(request, user)) {
            return Uni.createFrom().item(denied(request, user));
        }
        return signIns.start(request.instanceId(), user).flatMap(started -> {
            meters.counter("signins", "outcome", "success", "instance", request.instanceId()).increment();
            AUDIT.infof("event=signin.success instance=%s client_id=%s user=%s sid=%s", request.instanceId(),
                    request.clientId(), user.id(), started.signIn().sid());
            return grant(request, started.signIn(), user).map(response -> Response.fromResponse(response)
                    .header(HttpHeaders.SET_COOKIE, SignInCookie.set(request.issuer(), started.cookie()))
                    .build());
        });
    }

    private Uni<Response> grant(AuthorizationRequest request, SignIn signIn, User user) {
        if (!kindAllowed(request, user)) {
            return Uni.createFrom().item(denied(request, user));
        }
        AuthorizationCode code = new AuthorizationCode(request.issuer(), request.clientId(), request.redirectUri(),
                request.codeChallenge(), request.scopes(), request.nonce(), signIn.sid(), user.id(),
                user.username(), signIn.authTime(), System.currentTimeMillis() / 1000);
        return codes.issue(request.instanceId(), code)
                .invoke(() -> AUDIT.infof("event=code.issued instance=%s client_id=%s user=%s sid=%s",
                        request.instanceId(), request.clientId(), user.id(), signIn.sid()))
                .map(value -> AuthorizeRedirect.code(request, value));
    }

    private static boolean kindAllowed(AuthorizationRequest request, User user) {
        return request.allowedKinds().contains(user.kind());
    }

    private Response denied(AuthorizationRequest request, User user) {
        meters.counter("signins", "outcome", "denied", "instance", request.instanceId()).increment();
        AUDIT.infof("event=signin.denied instance=%s client_id=%s user=%s reason=user_kind", request.instanceId(),
                request.clientId(), user.id());
        return AuthorizeRedirect.error(request,
                OAuthError.of(400, "access_denied", "this app does not allow this kind of user"));
    }

    private void refused(AuthorizationRequest request, String username, String reason) {
        meters.counter("signins", "outcome", reason.startsWith("throttled") ? "throttled" : "failure",
                "instance", request.instanceId()).increment();
        AUDIT.infof("event=signin.failure instance=%s client_id=%s user_hash=%s reason=%s", request.instanceId(),
                request.clientId(), LoginThrottle.hash(username), reason);
    }

    private static Response page(OAuthError error) {
        return HtmlPage.error(error.status(), error.description());
    }
}
