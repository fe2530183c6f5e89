package net.erp.identity.logout;

import io.quarkus.arc.All;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.authorize.HtmlPage;
import net.erp.identity.form.RequestParameters;
import net.erp.identity.idtoken.IdTokenHint;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.instance.InstanceResolver;
import net.erp.identity.registry.RegistryLookup;
import net.erp.identity.signin.SignIn;
import net.erp.identity.signin.SignInCookie;
import net.erp.identity.signin.SignInStore;
import net.erp.identity.user.SessionCloser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * RP-Initiated Logout (OpenID Connect RP-Initiated Logout 1.0 sections 2 to 4) with a confirmation page. The
 * request may carry {@code id_token_hint} (an ID token of ours for this instance; its expiry may have passed),
 * {@code client_id}, {@code post_logout_redirect_uri} (used only when it is one of the app's
 * {@code postLogoutRedirectUris} exactly and the app is enabled) and {@code state}. Confirming (a form whose
 * token is bound to the sign-in, against cross-site forgery) ends the sign-in: its Redis state and cookie, its
 * access tokens on the revocation list, the user's refresh tokens, and its licence sessions at session-service.
 */
@Path("/id/connect/endsession")
public class EndSessionResource {

    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final String CONFIRM = "/id/connect/endsession/confirm";

    private final InstanceResolver instances;
    private final RegistryLookup registry;
    private final IdTokenHint hints;
    private final SignInStore signIns;
    private final RevocationList revocations;
    private final SessionCloser sessions;
    private final List<SignOutHook> hooks;
    private final Duration accessTokenLifetime;

    EndSessionResource(InstanceResolver instances, RegistryLookup registry, IdTokenHint hints, SignInStore signIns,
            RevocationList revocations, SessionCloser sessions, @All List<SignOutHook> hooks,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime) {
        this.instances = instances;
        this.registry = registry;
        this.hints = hints;
        this.signIns = signIns;
        this.revocations = revocations;
        this.sessions = sessions;
        this.hooks = hooks;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> get(@Context HttpServerRequest http, @Context UriInfo uri,
            @CookieParam(SignInCookie.NAME) String cookie) {
        return instances.resolve(http).flatMap(instance -> Uni.createFrom().item(() -> RequestParameters.ofQuery(uri))
                .flatMap(parameters -> ask(instance, parameters, cookie))
                .onFailure(OAuthError.class).recoverWithItem(EndSessionResource::page));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> post(@Context HttpServerRequest http, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @CookieParam(SignInCookie.NAME) String cookie, String body) {
        return instances.resolve(http).flatMap(instance -> Uni.createFrom()
                .item(() -> RequestParameters.ofForm(type, body))
                .flatMap(parameters -> ask(instance, parameters, cookie))
                .onFailure(OAuthError.class).recoverWithItem(EndSessionResource::page));
    }

    /** The confirmation form's POST: ends the sign-in when the form's token is the sign-in's. */
    @POST
    @Path("/confirm")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> confirm(@Context HttpServerRequest http, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @CookieParam(SignInCookie.NAME) String cookie, String body) {
        return instances.resolve(http).flatMap(instance -> Uni.createFrom()
                .item(() -> RequestParameters.ofForm(type, body))
                .flatMap(parameters -> returnTo(instance, parameters.get("client_id"),
                        parameters.get("post_logout_redirect_uri"))
                        .flatMap(target -> signIns.find(instance.instanceId(), cookie).flatMap(found -> {
                            if (found.isEmpty()) {
                                return Uni.createFrom().item(signedOut(instance, target, parameters.get("state"),
                                        cookie));
                            }
                            if (!sameToken(found.get().logoutToken(), parameters.get("logout_token"))) {
                                throw OAuthError.invalidRequest("The sign-out form is not valid. Sign out again.");
                            }
                            return end(instance, found.get(), cookie, parameters.get("client_id"))
                                    .replaceWith(() -> signedOut(instance, target, parameters.get("state"), cookie));
                        })))
                .onFailure(OAuthError.class).recoverWithItem(EndSessionResource::page));
    }

    private Uni<Response> ask(InstanceContext instance, Map<String, String> parameters, String cookie) {
        return hint(instance, parameters.get("id_token_hint")).flatMap(hint -> {
            String clientId = clientId(parameters.get("client_id"), hint);
            String state = parameters.get("state");
            return returnTo(instance, clientId, parameters.get("post_logout_redirect_uri"))
                    .flatMap(target -> signIns.find(instance.instanceId(), cookie).map(found -> found.isEmpty()
                            ? signedOut(instance, target, state, cookie)
                            : LogoutPage.confirm(found.get(), CONFIRM, clientId, target.orElse(null), state)));
        });
    }

    private Uni<Optional<IdTokenHint.Hint>> hint(InstanceContext instance, String token) {
        if (token == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return hints.read(token, instance).map(found -> {
            if (found.isEmpty()) {
                throw OAuthError.invalidRequest("The id_token_hint is not an ID token of this sign-in service.");
            }
            return found;
        });
    }

    private static String clientId(String clientId, Optional<IdTokenHint.Hint> hint) {
        if (hint.isPresent() && clientId != null && !clientId.equals(hint.get().clientId())) {
            throw OAuthError.invalidRequest("client_id differs from the audience of the id_token_hint.");
        }
        return clientId != null ? clientId : hint.map(IdTokenHint.Hint::clientId).orElse(null);
    }

    /**
     * The post-logout redirect URI when the app registered it exactly; otherwise none. A disabled app gets no
     * redirect (SPEC: a kill switch); the sign-in still ends, and the browser sees the "signed out" page.
     */
    private Uni<Optional<String>> returnTo(InstanceContext instance, String clientId, String redirectUri) {
        if (clientId == null || redirectUri == null || clientId.length() > 256) {
            return Uni.createFrom().item(Optional.empty());
        }
        return registry.app(instance.instanceId(), clientId)
                .map(app -> app.filter(found -> found.enabled()
                                && found.postLogoutRedirectUris().contains(redirectUri))
                        .map(found -> redirectUri));
    }

    private Uni<Void> end(InstanceContext instance, SignIn signIn, String cookie, String clientId) {
        String instanceId = instance.instanceId();
        // The sign-in goes last but one: when a step before it fails, the user can confirm again.
        return revocations.endSignIn(instanceId, signIn.sid(), accessTokenLifetime)
                .onFailure().transform(failure -> OAuthError.unavailable("the sign-out cannot be recorded"))
                .call(() -> hooks.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(hooks.stream().map(hook -> hook.signedOut(instanceId, signIn)).toList())
                                .andFailFast().replaceWithVoid())
                .call(() -> signIns.end(instanceId, cookie))
                .call(() -> sessions.closeSignIn(instanceId, signIn.sid()))
                .invoke(() -> AUDIT.infof("event=logout instance=%s client_id=%s user=%s sid=%s", instanceId,
                        clientId == null ? "-" : clientId, signIn.userId(), signIn.sid()));
    }

    /**
     * The end of a logout: the redirect or the "signed out" page. The cookie is cleared only when the browser
     * sent one: a request without it (a cross-site POST, which SameSite=Lax leaves bare) must not make the
     * browser drop a sign-in it never named.
     */
    private static Response signedOut(InstanceContext instance, Optional<String> target, String state,
            String cookie) {
        Response.ResponseBuilder response;
        if (target.isPresent()) {
            String location = target.get() + (state == null ? "" : (target.get().contains("?") ? "&" : "?")
                    + "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
            response = Response.status(Response.Status.FOUND).location(URI.create(location))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } else {
            response = Response.fromResponse(LogoutPage.signedOut());
        }
        if (cookie != null) {
            response.header(HttpHeaders.SET_COOKIE, SignInCookie.clear(instance.issuer()));
        }
        return response.build();
    }

    private static boolean sameToken(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Response page(OAuthError error) {
        return HtmlPage.of(error.status(), "Sign-out error", "<p>" + HtmlPage.escape(error.description()) + "</p>");
    }
}
