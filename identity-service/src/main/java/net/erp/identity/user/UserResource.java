package net.erp.identity.user;

import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.erp.contract.error.OAuthError;
import net.erp.contract.http.Page;
import net.erp.contract.revocation.RevocationList;
import net.erp.identity.access.InstanceCallers;
import net.erp.identity.form.RequestParameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The users of an instance (SPEC "Users"), for the operator and the instance's administrators
 * ({@link InstanceCallers#administrator}). A password change or a deletion cuts off every token of the user on the
 * revocation list and closes the user's sessions. Users are listed a page at a time, with Keycloak's
 * {@code first} and {@code max}; no answer ever holds a password or its hash.
 */
@Path("/api/instances/{instanceId}/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private final InstanceCallers callers;
    private final UserStore users;
    private final Passwords passwords;
    private final RevocationList revocations;
    private final SessionCloser sessions;
    private final List<UserCutOff> credentials;
    private final Duration accessTokenLifetime;

    UserResource(InstanceCallers callers, UserStore users, Passwords passwords,
            RevocationList revocations, SessionCloser sessions, @All List<UserCutOff> credentials,
            @ConfigProperty(name = "platform.access-token-lifetime") Duration accessTokenLifetime) {
        this.callers = callers;
        this.users = users;
        this.passwords = passwords;
        this.revocations = revocations;
        this.sessions = sessions;
        this.credentials = credentials;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    @POST
    public Uni<RestResponse<User>> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId, NewUser request) {
        return callers.administrator(authorization, instanceId).flatMap(caller -> {
            NewUser user = body(request).validated();
            return passwords.hash(user.password())
                    .flatMap(hash -> users.insert(instanceId, UUID.randomUUID().toString(), user, hash))
                    .invoke(created -> AUDIT.infof("event=user.created instance=%s user=%s actor=%s", instanceId,
                            created.id(), caller.subject()));
        }).map(user -> RestResponse.status(RestResponse.Status.CREATED, user));
    }

    /** A page of the users, by username: {@code first} and {@code max} as every admin API's lists take them. */
    @GET
    public Uni<List<User>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId, @Context UriInfo uri) {
        return callers.administrator(authorization, instanceId)
                .map(caller -> RequestParameters.ofQuery(uri))
                .map(query -> Page.of(query.get("first"), query.get("max")))
                .flatMap(page -> users.list(instanceId, page.first(), page.max()));
    }

    @GET
    @Path("/{userId}")
    public Uni<User> read(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId, @PathParam("userId") String userId) {
        return callers.administrator(authorization, instanceId)
                .flatMap(caller -> users.byId(instanceId, userId))
                .map(found -> found.orElseThrow(UserResource::unknownUser));
    }

    @PUT
    @Path("/{userId}/password")
    public Uni<User> changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId, @PathParam("userId") String userId, PasswordChange change) {
        return callers.administrator(authorization, instanceId)
                .invoke(caller -> Passwords.requireAcceptable(body(change).password()))
                .flatMap(caller -> passwords.hash(change.password())
                        .flatMap(hash -> users.changePassword(instanceId, userId, hash))
                        .map(found -> found.orElseThrow(UserResource::unknownUser))
                        .call(user -> cutOff(instanceId, user.id()))
                        .invoke(user -> AUDIT.infof("event=password.changed instance=%s user=%s actor=%s",
                                instanceId, user.id(), caller.subject())));
    }

    @DELETE
    @Path("/{userId}")
    public Uni<Void> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("instanceId") String instanceId, @PathParam("userId") String userId) {
        return callers.administrator(authorization, instanceId)
                .flatMap(caller -> users.delete(instanceId, userId)
                        .invoke(deleted -> {
                            if (!deleted) {
                                throw unknownUser();
                            }
                        })
                        .call(deleted -> cutOff(instanceId, userId))
                        .invoke(deleted -> AUDIT.infof("event=user.deleted instance=%s user=%s actor=%s", instanceId,
                                userId, caller.subject())))
                .replaceWithVoid();
    }

    private Uni<Void> cutOff(String instanceId, String userId) {
        return revocations.cutOffSubject(instanceId, userId, accessTokenLifetime)
                .onFailure().transform(failure -> OAuthError.unavailable("the revocation list cannot be written"))
                .call(() -> cutOffCredentials(instanceId, userId))
                .call(() -> sessions.closeSessionsOf(instanceId, userId));
    }

    private Uni<Void> cutOffCredentials(String instanceId, String userId) {
        if (credentials.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(credentials.stream().map(each -> each.cutOff(instanceId, userId)).toList())
                .andFailFast()
                .onFailure().transform(failure -> OAuthError.unavailable("the user's tokens cannot be revoked"))
                .replaceWithVoid();
    }

    private static <T> T body(T body) {
        if (body == null) {
            throw OAuthError.invalidRequest("a JSON body is required");
        }
        return body;
    }

    private static OAuthError unknownUser() {
        return OAuthError.notFound("unknown_user", "the instance has no such user");
    }
}
