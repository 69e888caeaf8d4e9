package network.omniphi.gateway.domain.link;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import network.omniphi.codec.CanonicalBase64;
import network.omniphi.codec.CanonicalJson;
import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.domain.GatewayException;

/**
 * The proof that links a consensus key to a local setup (DESIGN.md "Local mode key link"): an ed25519 signature by the
 * consensus key over the UTF-8 bytes of the canonical JSON
 * {@code {"chainId":"<chain id>","purpose":"omniphi/link-consensus-key/v1","setupRequestId":"<id>","walletAddress":"<owner>"}}
 * (keys sorted by code point, no whitespace). Binding the chain id, the setup id and the owner's wallet into the
 * signed bytes means a proof cannot be replayed for another chain, another setup or another wallet.
 * <p>
 * Ed25519 is RFC 8032 (pure Ed25519, no prehash, no context), as CometBFT uses it for consensus keys
 * ({@code crypto/ed25519/ed25519.go}, v0.38) and as Cosmos SDK encodes them ({@code /cosmos.crypto.ed25519.PubKey},
 * 32 bytes, {@code crypto/keys/ed25519/ed25519.go}, v0.50). Verification is BouncyCastle's RFC 8032 implementation,
 * which refuses non-canonical S values and keys that do not decode to a curve point.
 */
public record ConsensusKeyProof(String consensusPubkey, byte[] publicKey, byte[] signature) {

    public static final String PURPOSE = "omniphi/link-consensus-key/v1";
    static final int PUBLIC_KEY_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    static {
        Ed25519.precompute();
    }

    /**
     * Reads the two body fields: each must be present and the canonical (padded, standard alphabet) base64 of exactly
     * 32 (key) or 64 (signature) bytes. Every wrong field is named; nothing is checked against state here.
     */
    public static ConsensusKeyProof parse(String consensusPubkey, String signature) {
        List<FieldError> errors = new ArrayList<>();
        Optional<byte[]> key = field("consensusPubkey", consensusPubkey, PUBLIC_KEY_BYTES,
                "must be the standard base64 of a 32-byte ed25519 public key", errors);
        Optional<byte[]> sig = field("signature", signature, SIGNATURE_BYTES,
                "must be the standard base64 of a 64-byte ed25519 signature", errors);
        if (!errors.isEmpty()) {
            throw new GatewayException.InvalidRequest(errors);
        }
        return new ConsensusKeyProof(consensusPubkey, key.orElseThrow(), sig.orElseThrow());
    }

    /** The exact bytes the consensus key signs for this chain, setup and owner. */
    public static byte[] canonicalDocument(String chainId, UUID setupRequestId, String walletAddress) {
        return CanonicalJson.write(Map.of("chainId", chainId, "purpose", PURPOSE, "setupRequestId",
                setupRequestId.toString(), "walletAddress", walletAddress)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the signature verifies with the key over the canonical document of this chain, setup and owner. */
    public boolean verifies(String chainId, UUID setupRequestId, String walletAddress) {
        byte[] doc = canonicalDocument(chainId, setupRequestId, walletAddress);
        return Ed25519.verify(signature, 0, publicKey, 0, doc, 0, doc.length);
    }

    private static Optional<byte[]> field(String name, String text, int size, String message,
            List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(name, "is required"));
            return Optional.empty();
        }
        Optional<byte[]> bytes = CanonicalBase64.decode(text, size);
        if (bytes.isEmpty()) {
            errors.add(new FieldError(name, message));
        }
        return bytes;
    }
}
