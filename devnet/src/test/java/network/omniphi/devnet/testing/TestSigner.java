package network.omniphi.devnet.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

import network.omniphi.codec.Secp256k1;
import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.domain.crypto.Hashes;

/** A secp256k1 test wallet: deterministic (RFC 6979) low-S signatures over SHA-256 of the sign bytes. */
public final class TestSigner {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());

    private final BigInteger secret;
    private final byte[] publicKey;

    private TestSigner(byte[] seed) {
        this.secret = new BigInteger(1, seed).mod(CURVE.getN());
        this.publicKey = CURVE.getG().multiply(secret).normalize().getEncoded(true);
    }

    /** The well-known dev key {@code SHA-256("omniphi-devnet/<name>")}. */
    public static TestSigner named(String name) {
        return new TestSigner(Hashes.sha256(("omniphi-devnet/" + name).getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] address() {
        return Secp256k1.addressBytes(publicKey);
    }

    public String account() {
        return Addresses.account(address());
    }

    public String operator() {
        return Addresses.operator(address());
    }

    public byte[] sign(byte[] signBytes) {
        BigInteger[] rs = rawSign(signBytes);
        BigInteger s = rs[1];
        if (s.compareTo(CURVE.getN().shiftRight(1)) > 0) {
            s = CURVE.getN().subtract(s);
        }
        return concat(rs[0], s);
    }

    /** The same signature with s replaced by n − s: mathematically valid, refused by the SDK. */
    public byte[] signHighS(byte[] signBytes) {
        byte[] low = sign(signBytes);
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(low, 32, 64));
        return concat(new BigInteger(1, java.util.Arrays.copyOfRange(low, 0, 32)), CURVE.getN().subtract(s));
    }

    private BigInteger[] rawSign(byte[] signBytes) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(secret, DOMAIN));
        return signer.generateSignature(Hashes.sha256(signBytes));
    }

    private static byte[] concat(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        copy32(r, out, 0);
        copy32(s, out, 32);
        return out;
    }

    private static void copy32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + 32 - length, length);
    }

    public static void main(String[] args) {
        for (String name : args) {
            System.out.println(name + " " + named(name).account() + " " + named(name).operator());
        }
    }
}
