package network.omniphi.gateway.domain.auth;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

import network.omniphi.commons.cosmos.Bech32;

/**
 * secp256k1 as Cosmos uses it: 33-byte compressed public keys, 64-byte {@code r||s} signatures over SHA-256 of the
 * sign bytes, low-S only (the SDK refuses high-S), account address = RIPEMD160(SHA256(compressed key)).
 */
public final class Secp256k1 {

    public static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());
    public static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private Secp256k1() {
    }

    /** The outcome of a signature check; anything but VALID is a refusal. */
    public enum Check {
        VALID, INVALID_KEY, MALFORMED_SIGNATURE, HIGH_S, BAD_SIGNATURE
    }

    /** Verifies a 64-byte r||s signature by a 33-byte compressed key over SHA-256(signBytes). */
    public static Check verify(byte[] compressedPubKey, byte[] signBytes, byte[] signature) {
        ECPoint point = decode(compressedPubKey);
        if (point == null) {
            return Check.INVALID_KEY;
        }
        if (signature == null || signature.length != 64) {
            return Check.MALFORMED_SIGNATURE;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(CURVE.getN()) >= 0 || s.compareTo(CURVE.getN()) >= 0) {
            return Check.MALFORMED_SIGNATURE;
        }
        if (s.compareTo(HALF_N) > 0) {
            return Check.HIGH_S;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(point, DOMAIN));
        return verifier.verifySignature(sha256(signBytes), r, s) ? Check.VALID : Check.BAD_SIGNATURE;
    }

    /** The bech32 account address of a compressed public key under {@code prefix}. */
    public static String address(String prefix, byte[] compressedPubKey) {
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        byte[] sha = sha256(compressedPubKey);
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return Bech32.encode(prefix, out);
    }

    /** The curve point of a valid compressed key, or null. */
    public static ECPoint decode(byte[] compressedPubKey) {
        if (compressedPubKey == null || compressedPubKey.length != 33
                || (compressedPubKey[0] != 0x02 && compressedPubKey[0] != 0x03)) {
            return null;
        }
        try {
            ECPoint p = CURVE.getCurve().decodePoint(compressedPubKey);
            return p.isValid() && !p.isInfinity() ? p : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static byte[] sha256(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
