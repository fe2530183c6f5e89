package net.erp.bench.signing;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * How many compact JWS (RFC 7515 section 7.1) one core can sign per second, for a header and claims of the
 * size of the platform's RFC 9068 access tokens. Each operation signs the fixed signing input and appends the
 * base64url signature, which is all that signing adds to a token once its claims are serialized.
 *
 * <p>Two ways to hold the JCA {@link Signature}: {@code reusedSignature} keeps one initialized per thread (the
 * ceiling), {@code freshSignature} asks the provider for a new one and initializes it for every token, as
 * jose4j does inside identity-service. {@code freshSignatureJdkKey} does the same with the private key read back
 * through the JDK's own {@link KeyFactory} (the default when a PKCS #8 key is loaded without naming a provider),
 * which another provider must convert into its own form whenever a signature is initialized with it.
 *
 * <p>On a shared machine the throughput JMH reports depends on how much of a core the thread got. Each measured
 * iteration therefore also prints a {@code CPU-RATE} line: signatures per second of the benchmark thread's own
 * CPU time, which other load hardly changes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CompactJwsSigning {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** RS256 signs with RSA 2048 (PKCS #1 v1.5), ES256 with P-256: the key sizes identity-service makes. */
    @Param({"RS256", "ES256"})
    public String algorithm;

    /** {@code JDK}: SunRsaSign or SunEC; {@code ACCP}: Amazon Corretto Crypto Provider (AWS-LC). */
    @Param({"JDK", "ACCP"})
    public String provider;

    private Provider jca;
    private String jcaAlgorithm;
    private boolean derToJose;
    private PrivateKey key;
    private PrivateKey jdkKey;
    private byte[] signingInput;
    private String signingInputText;
    private Signature reused;
    private long signed;
    private long cpuNanosAtStart;

    @Setup
    public void setUp() throws GeneralSecurityException {
        jca = provider(provider, algorithm);
        KeyPair pair = generateKeyPair();
        key = pair.getPrivate();
        jdkKey = KeyFactory.getInstance("RS256".equals(algorithm) ? "RSA" : "EC",
                Security.getProvider("RS256".equals(algorithm) ? "SunRsaSign" : "SunEC"))
                .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        pickSignatureAlgorithm();

        signingInputText = encode(header()) + "." + encode(claims());
        signingInput = signingInputText.getBytes(StandardCharsets.US_ASCII);

        reused = Signature.getInstance(jcaAlgorithm, jca);
        reused.initSign(key);
        checkVerifies(freshSignature(), pair.getPublic());
    }

    @Setup(Level.Iteration)
    public void startCpuClock() {
        signed = 0;
        cpuNanosAtStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void printCpuRate(BenchmarkParams benchmark, IterationParams iteration) {
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuNanosAtStart) / 1e9;
        if (iteration.getType() == IterationType.MEASUREMENT && cpuSeconds > 0) {
            String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
            System.out.printf("%nCPU-RATE %s %s %s %.0f signatures per CPU second (%.1f s of CPU)%n",
                    method, algorithm, provider, signed / cpuSeconds, cpuSeconds);
        }
    }

    @Benchmark
    public String reusedSignature() throws GeneralSecurityException {
        signed++;
        reused.update(signingInput);
        return compact(reused.sign());
    }

    @Benchmark
    public String freshSignature() throws GeneralSecurityException {
        signed++;
        Signature signer = Signature.getInstance(jcaAlgorithm, jca);
        signer.initSign(key);
        signer.update(signingInput);
        return compact(signer.sign());
    }

    @Benchmark
    public String freshSignatureJdkKey() throws GeneralSecurityException {
        signed++;
        Signature signer = Signature.getInstance(jcaAlgorithm, jca);
        signer.initSign(jdkKey);
        signer.update(signingInput);
        return compact(signer.sign());
    }

    private String compact(byte[] signature) {
        byte[] joseSignature = derToJose ? EcdsaSignatures.derToConcatenated(signature, 32) : signature;
        return signingInputText + "." + BASE64URL.encodeToString(joseSignature);
    }

    private static Provider provider(String name, String algorithm) {
        if ("ACCP".equals(name)) {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                throw new IllegalStateException("ACCP did not load its native library", accp.getLoadingError());
            }
            return accp;
        }
        return Security.getProvider("RS256".equals(algorithm) ? "SunRsaSign" : "SunEC");
    }

    private KeyPair generateKeyPair() throws GeneralSecurityException {
        if ("RS256".equals(algorithm)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", jca);
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", jca);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** Refuses to measure a signer whose tokens would not verify, checked with the JDK's provider. */
    private void checkVerifies(String jws, PublicKey publicKey) throws GeneralSecurityException {
        int dot = jws.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
        boolean rsa = "RS256".equals(algorithm);
        Signature verifier = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSAinP1363Format",
                Security.getProvider(rsa ? "SunRsaSign" : "SunEC"));
        verifier.initVerify(publicKey);
        verifier.update(jws.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        if (signature.length != (rsa ? 256 : 64) || !verifier.verify(signature)) {
            throw new IllegalStateException(algorithm + " with " + provider + " made a JWS that does not verify");
        }
    }

    /** JWS wants ECDSA as R || S; use the provider's P1363 form where it has one, else convert from DER. */
    private void pickSignatureAlgorithm() throws NoSuchAlgorithmException {
        if ("RS256".equals(algorithm)) {
            jcaAlgorithm = "SHA256withRSA";
            return;
        }
        try {
            Signature.getInstance("SHA256withECDSAinP1363Format", jca);
            jcaAlgorithm = "SHA256withECDSAinP1363Format";
        } catch (NoSuchAlgorithmException e) {
            jcaAlgorithm = "SHA256withECDSA";
            derToJose = true;
        }
    }

    private String header() {
        return "{\"alg\":\"" + algorithm + "\",\"kid\":\"" + UUID.randomUUID() + "\",\"typ\":\"at+jwt\"}";
    }

    /** The claims of a client-credentials token of the dev instance, with realistic lengths. */
    private static String claims() {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"http://localhost:8080/id\",\"sub\":\"svc-erp-integration\","
                + "\"aud\":\"urn:erp:instance:dev\",\"client_id\":\"com.example/erp-integration\","
                + "\"scope\":\"read update\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"sid\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
