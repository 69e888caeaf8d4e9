package network.omniphi.e2e;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A local node's ed25519 consensus key, as the desktop agent holds it; signs heartbeats (docs/heartbeat-protocol.md). */
final class NodeKey {

    private final Ed25519PrivateKeyParameters key;

    private NodeKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    static NodeKey random() {
        return new NodeKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());
    }

    /**
     * The body of {@code POST setup-requests/{id}/consensus-key}: this key's ed25519 signature over the canonical link
     * document (docs/heartbeat-protocol.md, "Linking the consensus key"), built here independently of the gateway.
     */
    Map<String, Object> linkBody(String chainId, String setupId, String wallet) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("chainId", chainId);
        doc.put("purpose", "omniphi/link-consensus-key/v1");
        doc.put("setupRequestId", setupId);
        doc.put("walletAddress", wallet);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consensusPubkey", publicKeyBase64());
        body.put("signature", sign(canonical(doc)));
        return body;
    }

    /** A signed heartbeat body for the wallet at the given height, timestamped now. */
    Map<String, Object> heartbeat(String wallet, long height, long uptime) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("blockHeight", height);
        fields.put("consensusPubkey", publicKeyBase64());
        fields.put("localP2pPort", 26656);
        fields.put("localRpcPort", 26657);
        fields.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        fields.put("uptimeSeconds", uptime);
        fields.put("walletAddress", wallet);
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("signature", sign(canonical(fields)));
        return body;
    }

    private String sign(String text) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    private static String canonical(Map<String, Object> sorted) {
        StringBuilder sb = new StringBuilder("{");
        sorted.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(k).append("\":");
            sb.append(v instanceof String s ? "\"" + s + "\"" : v.toString());
        });
        return sb.append('}').toString();
    }
}
