package network.omniphi.chain.domain;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/** secp256k1 ECDSA over SHA-256 with the SDK's rules: 64-byte r||s, low-S only. */
public final class SignatureVerifier {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private SignatureVerifier() {
    }

    public static boolean verify(byte[] compressedPubKey, byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64 || compressedPubKey == null
                || compressedPubKey.length != 33) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        if (s.compareTo(HALF_N) > 0 || r.signum() == 0 || s.signum() == 0) {
            return false;
        }
        try {
            ECPublicKeyParameters key = new ECPublicKeyParameters(CURVE.getCurve().decodePoint(compressedPubKey),
                    DOMAIN);
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, key);
            return signer.verifySignature(Addresses.sha256(message), r, s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the key is a valid compressed point on secp256k1. */
    public static boolean isValidPubKey(byte[] compressedPubKey) {
        try {
            return compressedPubKey.length == 33 && CURVE.getCurve().decodePoint(compressedPubKey).isValid();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
