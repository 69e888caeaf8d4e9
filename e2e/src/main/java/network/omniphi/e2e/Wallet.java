package network.omniphi.e2e;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;

import network.omniphi.codec.Bech32;
import network.omniphi.codec.Secp256k1;

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
        return new Wallet(hex, pub, Secp256k1.address("omni", pub));
    }

    String operatorAddress() {
        return Bech32.convert(address, "omnivaloper");
    }

    @Override
    public String toString() {
        return "Wallet[" + address + "]";
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
