package network.omniphi.gateway.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

import network.omniphi.codec.Adr036;
import network.omniphi.codec.Secp256k1;

/** A secp256k1 wallet for tests: deterministic RFC 6979 signatures, low-S normalised, like CosmJS and Keplr. */
public record TestWallet(BigInteger privateKey, byte[] publicKey, String address) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static TestWallet random() {
        BigInteger d;
        do {
            d = new BigInteger(256, RANDOM);
        } while (d.signum() == 0 || d.compareTo(Secp256k1.CURVE.getN()) >= 0);
        return of(d);
    }

    public static TestWallet fromHex(String privateKeyHex) {
        return of(new BigInteger(1, HexFormat.of().parseHex(privateKeyHex)));
    }

    private static TestWallet of(BigInteger d) {
        byte[] pub = Secp256k1.DOMAIN.getG().multiply(d).normalize().getEncoded(true);
        return new TestWallet(d, pub, Secp256k1.address("omni", pub));
    }

    /** 64-byte r||s over SHA-256(signBytes), low-S. */
    public byte[] sign(byte[] signBytes) {
        BigInteger[] rs = rawSign(signBytes);
        BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.CURVE.getN().subtract(rs[1]) : rs[1];
        return concat(rs[0], s);
    }

    /** The same signature with S replaced by N - S (valid ECDSA, refused by Cosmos). */
    public byte[] signHighS(byte[] signBytes) {
        byte[] low = sign(signBytes);
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(low, 32, 64));
        return concat(new BigInteger(1, java.util.Arrays.copyOfRange(low, 0, 32)), Secp256k1.CURVE.getN().subtract(s));
    }

    /** ADR-036 signature of {@code message} with {@code signer} in the document (normally this wallet's address). */
    public byte[] signArbitrary(String signer, String message) {
        return sign(Adr036.signDoc(signer, message.getBytes(StandardCharsets.UTF_8)));
    }

    /** A login body: this wallet's key and an ADR-036 signature over {@code message}. */
    public Map<String, Object> loginBody(String message) {
        return loginBody(address, publicKey, signArbitrary(address, message), message);
    }

    public static Map<String, Object> loginBody(String wallet, byte[] pubKey, byte[] signature, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("walletAddress", wallet);
        body.put("pubKey", Map.of("type", "tendermint/PubKeySecp256k1", "value",
                Base64.getEncoder().encodeToString(pubKey)));
        body.put("signature", Base64.getEncoder().encodeToString(signature));
        body.put("message", message);
        return body;
    }

    private BigInteger[] rawSign(byte[] signBytes) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, Secp256k1.DOMAIN));
        return signer.generateSignature(Secp256k1.sha256(signBytes));
    }

    private static byte[] concat(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        put(r, out, 0);
        put(s, out, 32);
        return out;
    }

    private static void put(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }

    @Override
    public String toString() {
        return "TestWallet[" + address + "]";
    }
}
