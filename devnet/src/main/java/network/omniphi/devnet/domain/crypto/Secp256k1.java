package network.omniphi.devnet.domain.crypto;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * secp256k1 signature checks with the Cosmos SDK rules: a 64-byte {@code r || s} signature over SHA-256 of the sign
 * bytes, a 33-byte compressed public key, and low-S only (s ≤ n/2; the SDK refuses malleable high-S signatures).
 */
public final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private Secp256k1() {
    }

    /** Whether {@code key} is a valid compressed point on the curve. */
    public static boolean isValidPublicKey(byte[] key) {
        return decode(key) != null;
    }

    public static boolean verify(byte[] compressedKey, byte[] signBytes, byte[] signature) {
        ECPoint point = decode(compressedKey);
        if (point == null || signature == null || signature.length != 64) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(CURVE.getN()) >= 0 || s.compareTo(HALF_N) > 0) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(point, DOMAIN));
        return verifier.verifySignature(Hashes.sha256(signBytes), r, s);
    }

    /** Account address bytes: RIPEMD160(SHA256(compressed public key)). */
    public static byte[] address(byte[] compressedKey) {
        return Hashes.ripemd160(Hashes.sha256(compressedKey));
    }

    private static ECPoint decode(byte[] key) {
        if (key == null || key.length != 33 || (key[0] != 2 && key[0] != 3)) {
            return null;
        }
        try {
            ECPoint point = CURVE.getCurve().decodePoint(key);
            return point.isValid() ? point : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
