package net.erp.identity.keys;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.erp.contract.error.OAuthError;
import org.jboss.logging.Logger;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The platform's signing keys as this replica knows them, reloaded from PostgreSQL by {@link KeyRotation}.
 * Signs with the key whose time has come, publishes every key not yet expired (a new one before it signs,
 * a retired one until its tokens have expired), and hands verifiers the key a token names.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final long RELOAD_ON_MISS_MILLIS = 1_000;

    private final SigningKeyStore store;
    private final KeyMaterial material;
    private final SigningPool pool;
    private final ProviderContext providers = new ProviderContext();
    private volatile List<SigningKey> keys = List.of();
    private volatile Jwks jwks = toJwks(List.of());
    private volatile long reloadedAtMillis;

    SigningKeys(SigningKeyStore store, KeyMaterial material, SigningProvider provider, SigningPool pool) {
        this.store = store;
        this.material = material;
        this.pool = pool;
        providers.getSuppliedKeyProviderContext().setSignatureProvider(provider.nameOrNull());
        providers.getGeneralProviderContext().setSignatureProvider(provider.nameOrNull());
    }

    /**
     * Signs the claims as a JWS in compact serialization with header {@code typ} (RFC 7515), on a thread of
     * the {@link SigningPool}.
     */
    public Uni<String> sign(JwtClaims claims, String type) {
        return pool.run(() -> signNow(claims, type));
    }

    private String signNow(JwtClaims claims, String type) {
        SigningKey key = signingKey(Instant.now())
                .orElseThrow(() -> OAuthError.unavailable("no signing key is ready; try again"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setProviderContext(providers);
        jws.setPayload(claims.toJson());
        jws.setKey(key.jwk().getPrivateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setAlgorithmHeaderValue(key.alg());
        jws.setHeader("typ", type);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign with key " + key.kid(), e);
        }
    }

    /** The key that signs at {@code now}: of those whose time has come, the newest. */
    public Optional<SigningKey> signingKey(Instant now) {
        return keys.stream().filter(key -> key.signs(now)).max(Comparator.comparing(SigningKey::activeFrom));
    }

    /** The published key of that id, after one reload from the database if this replica does not know it. */
    public Uni<Optional<SigningKey>> verificationKey(String kid) {
        Optional<SigningKey> known = known(kid);
        if (known.isPresent() || System.currentTimeMillis() - reloadedAtMillis < RELOAD_ON_MISS_MILLIS) {
            return Uni.createFrom().item(known);
        }
        return reload().map(loaded -> known(kid));
    }

    /** The provider settings that verify with the same provider that signs. */
    public ProviderContext providers() {
        return providers;
    }

    public Jwks jwks() {
        return jwks;
    }

    List<SigningKey> all() {
        return keys;
    }

    /** Reads every published key from the store. */
    Uni<Void> reload() {
        reloadedAtMillis = System.currentTimeMillis();
        return store.published(Instant.now()).invoke(stored -> {
            var opened = new ArrayList<SigningKey>();
            for (StoredKey row : stored) {
                opened.add(material.open(row));
            }
            if (!kids(opened).equals(kids(keys))) {
                LOG.infof("signing keys now %s", kids(opened));
            }
            keys = List.copyOf(opened);
            jwks = toJwks(keys);
        }).replaceWithVoid();
    }

    private Optional<SigningKey> known(String kid) {
        Instant now = Instant.now();
        return keys.stream().filter(key -> key.kid().equals(kid) && key.published(now)).findFirst();
    }

    private static List<String> kids(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::kid).toList();
    }

    private static Jwks toJwks(List<SigningKey> keys) {
        var set = new JsonWebKeySet();
        keys.forEach(key -> set.addJsonWebKey(key.jwk()));
        String json = set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        return new Jwks(json, etag(json));
    }

    private static String etag(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
