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

    /** CometBFT consensus address: the first 20 bytes of SHA-256 of the public key. */
    public static byte[] consensusAddress(byte[] publicKey) {
        return Arrays.copyOf(Hashes.sha256(publicKey), 20);
    }
}
