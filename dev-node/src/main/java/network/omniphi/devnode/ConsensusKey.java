package network.omniphi.devnode;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ed25519 key pair in CometBFT's {@code priv_validator_key.json} form. Only the public half is ever exposed through
 * accessors; the private half is written to disk once by {@link #toFileJson()} and never printed.
 */
public final class ConsensusKey {

    public static final String PUB_TYPE = "tendermint/PubKeyEd25519";
    public static final String PRIV_TYPE = "tendermint/PrivKeyEd25519";
    private static final int X509_ED25519_PREFIX = 12;

    private final byte[] publicKey;
    private final byte[] seed;

    private ConsensusKey(byte[] publicKey, byte[] seed) {
        this.publicKey = publicKey;
        this.seed = seed;
    }

    /** A fresh key from the JDK's ed25519 provider and its default secure random source. */
    public static ConsensusKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] pub = Arrays.copyOfRange(x509, X509_ED25519_PREFIX, x509.length);
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("ed25519 provider hides the private key bytes"));
            return new ConsensusKey(pub, seed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 is not available in this JDK", e);
        }
    }

    /**
     * Signs {@code message} with the private key of the key file (read for this call only and wiped afterwards), as
     * CometBFT's privval signs votes: ed25519 over the canonical vote bytes.
     */
    public static byte[] signWithKeyFile(String fileJson, byte[] message) {
        String value = Json.string(Json.parse(fileJson), "priv_key", "value");
        if (value == null) {
            throw new IllegalArgumentException("not a CometBFT validator key file");
        }
        byte[] full = Base64.getDecoder().decode(value);
        byte[] pkcs8 = new byte[48];
        try {
            if (full.length != 64) {
                throw new IllegalArgumentException("ed25519 private key must be 64 bytes");
            }
            // RFC 8410 PKCS#8 wrapping of a 32-byte Ed25519 seed
            byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
            System.arraycopy(prefix, 0, pkcs8, 0, 16);
            System.arraycopy(full, 0, pkcs8, 16, 32);
            java.security.PrivateKey key = java.security.KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8));
            java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 signing failed", e);
        } finally {
            Arrays.fill(full, (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Reads the public half of a key file; the private part is not kept in memory. */
    public static ConsensusKey publicPartOf(String fileJson) {
        Object root = Json.parse(fileJson);
        String type = Json.string(root, "pub_key", "type");
        String value = Json.string(root, "pub_key", "value");
        if (!PUB_TYPE.equals(type) || value == null) {
            throw new IllegalArgumentException("not a CometBFT ed25519 validator key file");
        }
        byte[] pub = Base64.getDecoder().decode(value);
        if (pub.length != 32) {
            throw new IllegalArgumentException("ed25519 public key must be 32 bytes, got " + pub.length);
        }
        return new ConsensusKey(pub, null);
    }

    /** Reads the public half embedded in a {@code node_key.json} private key (seed || pubkey). */
    public static ConsensusKey publicPartOfNodeKey(String fileJson) {
        String value = Json.string(Json.parse(fileJson), "priv_key", "value");
        if (value == null) {
            throw new IllegalArgumentException("not a CometBFT node key file");
        }
        byte[] full = Base64.getDecoder().decode(value);
        try {
            if (full.length != 64) {
                throw new IllegalArgumentException("ed25519 private key must be 64 bytes");
            }
            return new ConsensusKey(Arrays.copyOfRange(full, 32, 64), null);
        } finally {
            Arrays.fill(full, (byte) 0);
        }
    }

    /** Upper-case hex of the first 20 bytes of SHA-256(pubkey), as CometBFT names a validator. */
    public String address() {
        return HexFormat.of().withUpperCase().formatHex(Arrays.copyOf(sha256(publicKey), 20));
    }

    /** Lower-case hex form used by CometBFT for node ids (node_key.json). */
    public String nodeId() {
        return HexFormat.of().formatHex(Arrays.copyOf(sha256(publicKey), 20));
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    public Map<String, Object> publicKeyJson() {
        Map<String, Object> pub = new LinkedHashMap<>();
        pub.put("type", PUB_TYPE);
        pub.put("value", publicKeyBase64());
        return pub;
    }

    /** The full key file content (CometBFT form). Only for writing the file; never log the result. */
    String toFileJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("address", address());
        root.put("pub_key", publicKeyJson());
        root.put("priv_key", privateKeyJson());
        return Json.write(root);
    }

    /** The {@code node_key.json} content: only a private key, as CometBFT writes it. */
    String toNodeKeyJson() {
        return Json.write(Map.of("priv_key", privateKeyJson()));
    }

    private Map<String, Object> privateKeyJson() {
        if (seed == null) {
            throw new IllegalStateException("this key was read without its private part");
        }
        byte[] full = new byte[64];
        System.arraycopy(seed, 0, full, 0, 32);
        System.arraycopy(publicKey, 0, full, 32, 32);
        Map<String, Object> priv = new LinkedHashMap<>();
        priv.put("type", PRIV_TYPE);
        priv.put("value", Base64.getEncoder().encodeToString(full));
        Arrays.fill(full, (byte) 0);
        return priv;
    }

    /** Overwrites the private seed in memory once it has been written out. */
    void forgetPrivatePart() {
        if (seed != null) {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ConsensusKey[address=" + address() + "]";
    }
}
