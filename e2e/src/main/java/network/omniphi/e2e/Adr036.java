package network.omniphi.e2e;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ADR-036 signArbitrary in Java (deterministic RFC 6979, low-S), for load tools that log in many wallets without a
 * Node process per wallet. The journeys use the CosmJS script instead.
 */
final class Adr036 {

    private static final X9ECParameters CURVE = SECNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());

    private Adr036() {
    }

    static Map<String, Object> loginBody(Wallet wallet, String message) {
        Base64.Encoder b64 = Base64.getEncoder();
        String doc = "{\"account_number\":\"0\",\"chain_id\":\"\",\"fee\":{\"amount\":[],\"gas\":\"0\"},\"memo\":\"\","
                + "\"msgs\":[{\"type\":\"sign/MsgSignData\",\"value\":{\"data\":\""
                + b64.encodeToString(message.getBytes(StandardCharsets.UTF_8)) + "\",\"signer\":\"" + wallet.address()
                + "\"}}],\"sequence\":\"0\"}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("walletAddress", wallet.address());
        body.put("pubKey", Map.of("type", "tendermint/PubKeySecp256k1", "value",
                b64.encodeToString(wallet.compressedPubKey())));
        body.put("signature", b64.encodeToString(sign(sha256(doc), new BigInteger(wallet.privateKeyHex(), 16))));
        body.put("message", message);
        return body;
    }

    private static byte[] sign(byte[] hash, BigInteger d) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger s = rs[1].compareTo(CURVE.getN().shiftRight(1)) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
        byte[] out = new byte[64];
        copy32(rs[0], out, 0);
        copy32(s, out, 32);
        return out;
    }

    private static void copy32(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
