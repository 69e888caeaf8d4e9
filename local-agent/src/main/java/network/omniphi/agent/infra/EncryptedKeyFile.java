package network.omniphi.agent.infra;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.devnode.Json;

/**
 * The consensus key encrypted at rest, as one JSON document (version 1):
 *
 * <pre>
 * {"format":"omniphi-agent-key","version":1,"purpose":"consensus-key"|"backup","publicKey":"&lt;b64&gt;",
 *  "kdf":{"algorithm":"scrypt","n":32768,"r":8,"p":1,"salt":"&lt;b64, 16 bytes&gt;"},
 *  "cipher":{"algorithm":"aes-256-gcm","nonce":"&lt;b64, 12 bytes&gt;"},
 *  "ciphertext":"&lt;b64: 32-byte seed + 16-byte tag&gt;"}
 * </pre>
 *
 * The key-encryption key is scrypt (RFC 7914) of the passphrase (UTF-8, NFC) with a fresh random salt; the seed is
 * sealed with AES-256-GCM (NIST SP 800-38D) under a fresh random nonce, and every header field is bound to it as
 * associated data, so a changed parameter or public key fails like a wrong passphrase. After decryption the seed must
 * derive the stored public key. Reading accepts scrypt costs only within {@link #MAX_LOG2_N} etc., so a crafted file
 * cannot make the agent allocate gigabytes.
 */
public final class EncryptedKeyFile {

    public static final String FORMAT = "omniphi-agent-key";
    public static final int VERSION = 1;
    public static final int MIN_PASSPHRASE_CHARS = 8;
    static final int LOG2_N = 15;
    static final int MIN_LOG2_N = 14;
    static final int MAX_LOG2_N = 20;
    static final int R = 8;
    static final int P = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** What a file holds: the node's key in its home, or a copy the user keeps elsewhere. */
    public enum Purpose {
        CONSENSUS_KEY("consensus-key"), BACKUP("backup");

        final String text;

        Purpose(String text) {
            this.text = text;
        }
    }

    private EncryptedKeyFile() {
    }

    /** Encrypts the key's seed under the passphrase; the result holds no secret in the clear. */
    public static String seal(ConsensusKeyPair key, char[] passphrase, Purpose purpose, SecureRandom random) {
        checkPassphrase(passphrase);
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        Header header = new Header(purpose.text, key.publicKeyBase64(), 1 << LOG2_N, R, P, salt, nonce);
        byte[] kek = derive(passphrase, header);
        byte[] seed = key.seedCopy();
        try {
            byte[] sealed = gcm(true, kek, header, seed);
            Map<String, Object> doc = header.toJson();
            doc.put("ciphertext", Base64.getEncoder().encodeToString(sealed));
            return Json.write(doc);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM refused to encrypt", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The public key a file claims, readable without the passphrase (status, refusing an overwrite). */
    public static String publicKeyOf(String fileText) {
        return Header.parse(fileText).publicKey;
    }

    /**
     * Decrypts the key. A wrong passphrase (and any change to the file) gives {@link AgentException.WrongPassphrase}.
     */
    public static ConsensusKeyPair open(String fileText, char[] passphrase, String what) {
        Header header = Header.parse(fileText);
        byte[] sealed = base64(Json.string(Json.parse(fileText), "ciphertext"), "ciphertext");
        byte[] kek = derive(passphrase, header);
        byte[] seed = null;
        try {
            seed = gcm(false, kek, header, sealed);
            if (seed.length != ConsensusKeyPair.SEED_BYTES) {
                throw new AgentException.HomeUnusable(what + " holds no ed25519 seed");
            }
            ConsensusKeyPair key = ConsensusKeyPair.fromSeed(seed);
            if (!key.publicKeyBase64().equals(header.publicKey)) {
                key.destroy();
                throw new AgentException.HomeUnusable(what + " is inconsistent: its key is not " + header.publicKey);
            }
            return key;
        } catch (InvalidCipherTextException e) {
            throw new AgentException.WrongPassphrase(what);
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    public static void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_CHARS) {
            throw new AgentException.BadInput(
                    "the passphrase must have at least " + MIN_PASSPHRASE_CHARS + " characters");
        }
    }

    private static byte[] derive(char[] passphrase, Header h) {
        byte[] password = utf8(passphrase);
        try {
            return SCrypt.generate(password, h.salt, h.n, h.r, h.p, 32);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] kek, Header h, byte[] input)
            throws InvalidCipherTextException {
        GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(kek), TAG_BITS, h.nonce, h.associatedData()));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        n += cipher.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] utf8(char[] chars) {
        String normalized = Normalizer.normalize(CharBuffer.wrap(chars), Normalizer.Form.NFC);
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(normalized);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static byte[] base64(String value, String field) {
        if (value == null) {
            throw new AgentException.HomeUnusable("not an omniphi-agent key file: no " + field);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new AgentException.HomeUnusable("not an omniphi-agent key file: bad " + field);
        }
    }

    /** Every field but the ciphertext; all of it is authenticated as GCM associated data. */
    private record Header(String purpose, String publicKey, int n, int r, int p, byte[] salt, byte[] nonce) {

        static Header parse(String fileText) {
            Object doc;
            try {
                doc = Json.parse(fileText);
            } catch (RuntimeException e) {
                throw new AgentException.HomeUnusable("not an omniphi-agent key file: not JSON");
            }
            if (!FORMAT.equals(Json.string(doc, "format"))) {
                throw new AgentException.HomeUnusable("not an omniphi-agent key file");
            }
            if (!Long.valueOf(VERSION).equals(Json.at(doc, "version"))) {
                throw new AgentException.HomeUnusable("unsupported key file version " + Json.at(doc, "version")
                        + " (this agent reads version " + VERSION + ")");
            }
            if (!"scrypt".equals(Json.string(doc, "kdf", "algorithm"))
                    || !"aes-256-gcm".equals(Json.string(doc, "cipher", "algorithm"))) {
                throw new AgentException.HomeUnusable("key file uses an unknown kdf or cipher");
            }
            int n = bounded(doc, "n", 1 << MIN_LOG2_N, 1 << MAX_LOG2_N);
            if (Integer.bitCount(n) != 1) {
                throw new AgentException.HomeUnusable("key file scrypt n must be a power of two");
            }
            String purpose = Json.string(doc, "purpose");
            if (!Purpose.CONSENSUS_KEY.text.equals(purpose) && !Purpose.BACKUP.text.equals(purpose)) {
                throw new AgentException.HomeUnusable("key file has an unknown purpose");
            }
            byte[] pub = base64(Json.string(doc, "publicKey"), "publicKey");
            byte[] salt = base64(Json.string(doc, "kdf", "salt"), "salt");
            byte[] nonce = base64(Json.string(doc, "cipher", "nonce"), "nonce");
            if (pub.length != ConsensusKeyPair.PUBLIC_KEY_BYTES || salt.length != SALT_BYTES
                    || nonce.length != NONCE_BYTES) {
                throw new AgentException.HomeUnusable("key file has a field of the wrong length");
            }
            return new Header(purpose, Json.string(doc, "publicKey"), n, bounded(doc, "r", 1, 16),
                    bounded(doc, "p", 1, 4), salt, nonce);
        }

        private static int bounded(Object doc, String name, int min, int max) {
            Object v = Json.at(doc, "kdf", name);
            if (!(v instanceof Long l) || l < min || l > max) {
                throw new AgentException.HomeUnusable("key file scrypt " + name + " outside " + min + ".." + max);
            }
            return l.intValue();
        }

        Map<String, Object> toJson() {
            Map<String, Object> kdf = new LinkedHashMap<>();
            kdf.put("algorithm", "scrypt");
            kdf.put("n", n);
            kdf.put("r", r);
            kdf.put("p", p);
            kdf.put("salt", Base64.getEncoder().encodeToString(salt));
            Map<String, Object> cipher = new LinkedHashMap<>();
            cipher.put("algorithm", "aes-256-gcm");
            cipher.put("nonce", Base64.getEncoder().encodeToString(nonce));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", FORMAT);
            doc.put("version", VERSION);
            doc.put("purpose", purpose);
            doc.put("publicKey", publicKey);
            doc.put("kdf", kdf);
            doc.put("cipher", cipher);
            return doc;
        }

        /** The header in a fixed order, so what was bound at sealing is exactly what is checked at opening. */
        byte[] associatedData() {
            return String.join("|", FORMAT, Integer.toString(VERSION), purpose, publicKey, "scrypt",
                    Integer.toString(n), Integer.toString(r), Integer.toString(p),
                    Base64.getEncoder().encodeToString(salt), "aes-256-gcm",
                    Base64.getEncoder().encodeToString(nonce)).getBytes(StandardCharsets.UTF_8);
        }
    }
}
