package network.omniphi.codec;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * secp256k1 signatures with the Cosmos SDK's rules (cosmos-sdk v0.50 {@code crypto/keys/secp256k1}
 * {@code secp256k1_nocgo.go} {@code VerifySignature}): a 64-byte {@code r || s} signature over SHA-256 of the sign
 * bytes, a 33-byte compressed public key, and S at most N/2 ("low-S"; the SDK refuses the malleable high-S twin of a
 * valid signature). Account address = RIPEMD160(SHA256(compressed key)) ({@code PubKey.Address}).
 */
public final class Secp256k1 {

    public static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());
    /** N/2: the largest S the SDK accepts. */
    public static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    /** The outcome of a signature check; anything but VALID is a refusal. */
    public enum Check {
        VALID, INVALID_KEY, MALFORMED_SIGNATURE, HIGH_S, BAD_SIGNATURE
    }

    private Secp256k1() {
    }

    /** Checks a 64-byte r||s signature by a 33-byte compressed key over SHA-256(signBytes). */
    public static Check check(byte[] compressedKey, byte[] signBytes, byte[] signature) {
        ECPoint point = decodePublicKey(compressedKey);
        if (point == null) {
            return Check.INVALID_KEY;
        }
        if (signature == null || signature.length != 64) {
            return Check.MALFORMED_SIGNATURE;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(CURVE.getN()) >= 0 || s.compareTo(CURVE.getN()) >= 0) {
            return Check.MALFORMED_SIGNATURE;
        }
        if (!isLowS(s)) {
            return Check.HIGH_S;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(point, DOMAIN));
        return verifier.verifySignature(sha256(signBytes), r, s) ? Check.VALID : Check.BAD_SIGNATURE;
    }

    /** Whether {@link #check} answers VALID. */
    public static boolean verify(byte[] compressedKey, byte[] signBytes, byte[] signature) {
        return check(compressedKey, signBytes, signature) == Check.VALID;
    }

    /** The SDK's low-S rule: {@code s <= N/2}. */
    public static boolean isLowS(BigInteger s) {
        return s.compareTo(HALF_N) <= 0;
    }

    /** The curve point of a valid 33-byte compressed key (prefix 0x02 or 0x03), or null. */
    public static ECPoint decodePublicKey(byte[] compressedKey) {
        if (compressedKey == null || compressedKey.length != 33
                || (compressedKey[0] != 0x02 && compressedKey[0] != 0x03)) {
            return null;
        }
        try {
            ECPoint point = CURVE.getCurve().decodePoint(compressedKey);
            return point.isValid() && !point.isInfinity() ? point : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean isValidPublicKey(byte[] compressedKey) {
        return decodePublicKey(compressedKey) != null;
    }

    /** The 20 account address bytes of a compressed key: RIPEMD160(SHA256(key)). */
    public static byte[] addressBytes(byte[] compressedKey) {
        byte[] sha = sha256(compressedKey);
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return out;
    }

    /** The bech32 account address of a compressed key under {@code prefix}. */
    public static String address(String prefix, byte[] compressedKey) {
        return Bech32.encode(prefix, addressBytes(compressedKey));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
