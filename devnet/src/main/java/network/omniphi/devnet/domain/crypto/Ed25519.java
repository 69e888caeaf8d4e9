package network.omniphi.devnet.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Ed25519 helpers for the genesis validators' consensus keys (public halves only leave this class). */
public final class Ed25519 {

    private Ed25519() {
    }

    /** Deterministic public key derived from a seed label, so genesis validators are stable across restarts. */
    public static byte[] publicKeyFromLabel(String label) {
        byte[] seed = Hashes.sha256(label.getBytes(StandardCharsets.UTF_8));
        try {
            return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Verifies an ed25519 signature (RFC 8032); false for malformed keys or signatures. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64) {
            return false;
        }
        try {
            var verifier = new org.bouncycastle.crypto.signers.Ed25519Signer();
            verifier.init(false, new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** CometBFT consensus address: the first 20 bytes of SHA-256 of the public key. */
    public static byte[] consensusAddress(byte[] publicKey) {
        return Arrays.copyOf(Hashes.sha256(publicKey), 20);
    }
}
