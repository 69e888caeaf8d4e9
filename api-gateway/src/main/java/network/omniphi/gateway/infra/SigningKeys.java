package network.omniphi.gateway.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.jboss.logging.Logger;

/** Reads (and, for the local stack, creates) the PEM files of token signing keys. Never logs key material. */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    /** The key pair of the PKCS#8 RSA private key at {@code file}; creates it (0600) first when asked and absent. */
    public static KeyPair loadOrCreate(Path file, boolean create) {
        try {
            if (create && !Files.exists(file)) {
                generate(file);
            }
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pem(file, "PRIVATE KEY")));
            if (!(key instanceof RSAPrivateCrtKey crt) || crt.getModulus().bitLength() < 2048) {
                throw new IllegalStateException(
                        "the token signing key " + file + " must be an RSA key of >= 2048 bits");
            }
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(pub, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the token signing key " + file + ": " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    public static RSAPublicKey loadPublic(Path file) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(pem(file, "PUBLIC KEY")));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("cannot read the public key " + file, e);
        }
    }

    /** Writes the public half of a key as PEM (for rotation: the old key's public file). */
    public static String publicPem(RSAPublicKey key) {
        return wrap("PUBLIC KEY", key.getEncoded());
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, wrap("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve(file.getFileName() + ".pub"), publicPem((RSAPublicKey) pair.getPublic()));
        LOG.infof("generated a token signing key at %s (local stack only)", file);
    }

    private static byte[] pem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException("not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static String wrap(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
