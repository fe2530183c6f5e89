package net.erp.session.session;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.erp.contract.InstanceAudience;
import net.erp.fixtures.TestIssuer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * identity-service's JWKS as a rotation shows it: the test issuer's keys (and its availability) plus keys
 * a test publishes later. It counts the fetches, so a test can see when the service asked again. The
 * introspection of reference tokens is relayed to the test issuer as it is.
 */
public final class RotatingJwks {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    RotatingJwks() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/jwks", this::serve);
        server.createContext("/internal/reference-tokens/introspect", this::relay);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void close() {
        server.stop(0);
    }

    /** A new signing key, not yet published. */
    static RsaJsonWebKey newKey() throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("rotated-" + UUID.randomUUID());
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
        return key;
    }

    /** Adds a key to the JWKS, as identity-service does when it rotates one in. */
    public void publish(RsaJsonWebKey key) {
        published.add(key);
    }

    public int fetches() {
        return fetches.get();
    }

    /** A service token of the instance signed with the key, shaped as identity-service shapes them. */
    static String sign(RsaJsonWebKey key, String instanceId) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("http://localhost/id");
        claims.setAudience(InstanceAudience.of(instanceId));
        claims.setSubject("system-" + UUID.randomUUID());
        claims.setClaim("client_id", "com.test/app");
        claims.setClaim("scope", "read");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("sid", UUID.randomUUID().toString());
        claims.setClaim("iat", Instant.now().getEpochSecond());
        claims.setClaim("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "at+jwt");
        return jws.getCompactSerialization();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            fetches.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(URI.create(TestIssuer.shared().jwksUrl())).build();
            HttpResponse<String> issuer = http.send(request, HttpResponse.BodyHandlers.ofString());
            byte[] body = issuer.statusCode() == 200 ? merged(issuer.body())
                    : issuer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(issuer.statusCode(), body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException | JoseException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            String secret = exchange.getRequestHeaders().getFirst("X-Internal-Secret");
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(TestIssuer.shared().baseUrl() + exchange.getRequestURI().getPath()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            if (secret != null) {
                request.header("X-Internal-Secret", secret);
            }
            HttpResponse<byte[]> issuer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(issuer.statusCode(), issuer.body().length);
            exchange.getResponseBody().write(issuer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The issuer dropped the connection: so does the relay, by closing the exchange unanswered.
        }
    }

    private byte[] merged(String issuerJwks) throws JoseException {
        JsonWebKeySet set = new JsonWebKeySet(issuerJwks);
        published.forEach(set::addJsonWebKey);
        return set.toJson().getBytes(StandardCharsets.UTF_8);
    }
}
