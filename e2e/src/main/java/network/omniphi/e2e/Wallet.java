package network.omniphi.e2e;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

import network.omniphi.codec.Bech32;

/** A throwaway secp256k1 wallet key; the private key only ever goes to the local CosmJS signer scripts. */
record Wallet(String privateKeyHex, byte[] compressedPubKey, String address) {

    private static final X9ECParameters CURVE = SECNamedCurves.getByName("secp256k1");
    private static final SecureRandom RANDOM = new SecureRandom();

    static Wallet random() {
        BigInteger d;
        do {
            d = new BigInteger(256, RANDOM);
        } while (d.signum() == 0 || d.compareTo(CURVE.getN()) >= 0);
        byte[] pub = CURVE.getG().multiply(d).normalize().getEncoded(true);
        String hex = String.format("%064x", d);
        return new Wallet(hex, pub, Bech32.encode("omni", hash160(pub)));
    }

    String operatorAddress() {
        return Bech32.convert(address, "omnivaloper");
    }

    private static byte[] hash160(byte[] data) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(data);
            RIPEMD160Digest ripemd = new RIPEMD160Digest();
            ripemd.update(sha, 0, sha.length);
            byte[] out = new byte[20];
            ripemd.doFinal(out, 0);
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Wallet[" + address + "]";
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
