package network.omniphi.e2e;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

import network.omniphi.codec.Secp256k1;

/**
 * ADR-036 signArbitrary in Java (deterministic RFC 6979, low-S), for load tools that log in many wallets without a
 * Node process per wallet. The journeys use the CosmJS script instead.
 */
final class Adr036 {

    private Adr036() {
    }

    static Map<String, Object> loginBody(Wallet wallet, String message) {
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] doc = network.omniphi.codec.Adr036.signDoc(wallet.address(), message.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("walletAddress", wallet.address());
        body.put("pubKey", Map.of("type", "tendermint/PubKeySecp256k1", "value",
                b64.encodeToString(wallet.compressedPubKey())));
        body.put("signature",
                b64.encodeToString(sign(Secp256k1.sha256(doc), new BigInteger(wallet.privateKeyHex(), 16))));
        body.put("message", message);
        return body;
    }

    private static byte[] sign(byte[] hash, BigInteger d) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger s = Secp256k1.isLowS(rs[1]) ? rs[1] : Secp256k1.CURVE.getN().subtract(rs[1]);
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
}
