package network.omniphi.agent.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import network.omniphi.devnode.Json;

/**
 * The node's ed25519 consensus key in memory (BouncyCastle's lightweight API, pure Ed25519 of RFC 8032). Only the
 * public half has accessors; the 32-byte seed leaves this class only through {@link #seedCopy()} (to encrypt it) and
 * {@link #cometBftKeyFileJson()} (the node's key file while it runs). {@link #destroy()} overwrites the seed.
 */
public final class ConsensusKeyPair implements AutoCloseable {

    public static final int SEED_BYTES = 32;
    public static final int PUBLIC_KEY_BYTES = 32;

    private final byte[] seed;
    private final byte[] publicKey;
    private final Ed25519PrivateKeyParameters privateKey;

    private ConsensusKeyPair(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("an ed25519 seed is 32 bytes");
        }
        this.seed = seed.clone();
        this.privateKey = new Ed25519PrivateKeyParameters(this.seed, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    public static ConsensusKeyPair generate(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        try {
            return new ConsensusKeyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The key of a 32-byte seed (RFC 8032 secret key); the caller wipes its own copy. */
    public static ConsensusKeyPair fromSeed(byte[] seed) {
        return new ConsensusKeyPair(seed);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Standard base64 with padding, as heartbeats and the gateway name the key. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    /** CometBFT's validator address: upper-case hex of the first 20 bytes of SHA-256(pubkey) (crypto/ed25519). */
    public String validatorAddress() {
        return HexFormat.of().withUpperCase().formatHex(Arrays.copyOf(sha256(publicKey), 20));
    }

    /** Pure Ed25519 signature (64 bytes) over {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    public String signBase64(String canonical) {
        return Base64.getEncoder().encodeToString(sign(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks a signature against a public key (used for the link proof's self-check and by tests). */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_BYTES || signature.length != 64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** A copy of the seed for encryption; the caller must wipe it. */
    public byte[] seedCopy() {
        return seed.clone();
    }

    /**
     * CometBFT's {@code priv_validator_key.json} (privval/file.go FilePVKey, v0.38): address, pub_key and priv_key,
     * where the amino-JSON private key value is base64 of seed || public key (crypto/ed25519 PrivKey, 64 bytes).
     * Only for the node's key file; never log it.
     */
    public String cometBftKeyFileJson() {
        byte[] full = new byte[64];
        System.arraycopy(seed, 0, full, 0, 32);
        System.arraycopy(publicKey, 0, full, 32, 32);
        try {
            Map<String, Object> pub = new LinkedHashMap<>();
            pub.put("type", "tendermint/PubKeyEd25519");
            pub.put("value", publicKeyBase64());
            Map<String, Object> priv = new LinkedHashMap<>();
            priv.put("type", "tendermint/PrivKeyEd25519");
            priv.put("value", Base64.getEncoder().encodeToString(full));
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("address", validatorAddress());
            root.put("pub_key", pub);
            root.put("priv_key", priv);
            return Json.write(root);
        } finally {
            Arrays.fill(full, (byte) 0);
        }
    }

    public void destroy() {
        Arrays.fill(seed, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ConsensusKeyPair[" + publicKeyBase64() + "]";
    }
}
