package net.erp.identity.keys;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jboss.logging.Logger;

/**
 * The JCA provider that makes and uses signing keys: Amazon Corretto Crypto Provider (native AWS-LC) when it
 * is on the class path and passes a sign-and-verify check, the JDK's otherwise (native images, platforms
 * without its library). It is registered at the lowest priority, so it changes nothing else in the JVM.
 */
@Singleton
public class SigningProvider {

    private static final Logger LOG = Logger.getLogger(SigningProvider.class);
    private static final String CORRETTO = "AmazonCorrettoCryptoProvider";

    private final Provider provider;

    SigningProvider() {
        this.provider = corretto().orElse(null);
        LOG.infof("signing keys are made and used by %s", name());
    }

    /** The provider's name for jose4j, or {@code null} for the JDK's default choice. */
    public String name() {
        return provider == null ? "the JDK's default providers" : provider.getName();
    }

    String nameOrNull() {
        return provider == null ? null : provider.getName();
    }

    KeyPairGenerator keyPairGenerator(String algorithm) throws java.security.GeneralSecurityException {
        return provider == null ? KeyPairGenerator.getInstance(algorithm)
                : KeyPairGenerator.getInstance(algorithm, provider);
    }

    KeyFactory keyFactory(String algorithm) throws java.security.GeneralSecurityException {
        return provider == null ? KeyFactory.getInstance(algorithm) : KeyFactory.getInstance(algorithm, provider);
    }

    private static Optional<Provider> corretto() {
        try {
            for (Provider candidate : ServiceLoader.load(Provider.class)) {
                if (CORRETTO.equals(candidate.getName()) && works(candidate)) {
                    if (Security.getProvider(CORRETTO) == null) {
                        Security.addProvider(candidate);
                    }
                    return Optional.of(Security.getProvider(CORRETTO));
                }
            }
        } catch (Throwable e) {
            LOG.infof("%s cannot load here (%s); the JDK's providers sign", CORRETTO, e.toString());
        }
        return Optional.empty();
    }

    private static boolean works(Provider candidate) throws java.security.GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", candidate);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] message = "signing provider check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA", candidate);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA", candidate);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
