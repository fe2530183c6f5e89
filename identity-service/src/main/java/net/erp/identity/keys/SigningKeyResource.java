package net.erp.identity.keys;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import net.erp.identity.operator.OperatorAccess;
import org.jboss.logging.Logger;

/** The operator's view of the platform's signing keys, and rotation on request. */
@Path("/api/signing-keys")
public class SigningKeyResource {

    private static final Logger AUDIT = Logger.getLogger("audit");

    private final OperatorAccess operator;
    private final SigningKeys keys;
    private final KeyRotation rotation;

    SigningKeyResource(OperatorAccess operator, SigningKeys keys, KeyRotation rotation) {
        this.operator = operator;
        this.keys = keys;
        this.rotation = rotation;
    }

    /** A published key: when it signs, stops signing and leaves the JWKS. */
    public record KeyView(String kid, String alg, Instant createdAt, Instant activeFrom, Instant retireAt,
            Instant expiresAt, boolean signing) {

        static KeyView of(SigningKey key, boolean signing) {
            return new KeyView(key.kid(), key.alg(), key.createdAt(), key.activeFrom(), key.retireAt(),
                    key.expiresAt(), signing);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<KeyView>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return operator.require(authorization).map(caller -> {
            String signing = keys.signingKey(Instant.now()).map(SigningKey::kid).orElse(null);
            return keys.all().stream().map(key -> KeyView.of(key, key.kid().equals(signing))).toList();
        });
    }

    /** Publishes a new key at once; it signs after {@code KEY_PUBLISH_LEAD}, and the current one retires. */
    @POST
    @Path("/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<KeyView> rotate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return operator.require(authorization)
                .flatMap(caller -> rotation.rotateNow().invoke(key -> AUDIT.infof(
                        "event=signing_key.rotated kid=%s active_from=%s by=%s", key.kid(), key.activeFrom(),
                        caller.clientId())))
                .map(key -> KeyView.of(key, false));
    }
}
