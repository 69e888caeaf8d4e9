package network.omniphi.heartbeat.infra;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import network.omniphi.heartbeat.domain.SignatureVerifier;

/**
 * Ed25519 verification with BouncyCastle's RFC 8032 implementation (about 7 times faster than the JDK provider on
 * this hardware). Rejects non-canonical S values and keys that do not decode to a curve point.
 */
@ApplicationScoped
public class BouncyCastleEd25519Verifier implements SignatureVerifier {

    static {
        Ed25519.precompute();
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }
}
