package network.omniphi.heartbeat.domain;

/** Port: ed25519 signature check (RFC 8032, pure Ed25519). */
public interface SignatureVerifier {

    /** True when {@code signature} (64 bytes) is valid for {@code message} under {@code publicKey} (32 bytes). */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
