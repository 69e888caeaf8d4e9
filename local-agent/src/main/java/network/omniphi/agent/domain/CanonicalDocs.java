package network.omniphi.agent.domain;

import java.util.Map;
import java.util.TreeMap;

import network.omniphi.codec.CanonicalJson;

/**
 * The two documents the consensus key signs, as canonical JSON: keys sorted by code point, no whitespace, integers in
 * plain decimal, strings escaped as JSON.stringify does ({@link CanonicalJson#write}). The rules are the gateway's (docs/heartbeat-protocol.md and DESIGN.md "Local mode
 * key link"); none of the allowed characters of these fields needs JSON escaping.
 */
public final class CanonicalDocs {

    /** The purpose string of the key-link proof (DESIGN.md "Local mode key link"). */
    public static final String LINK_PURPOSE = "omniphi/link-consensus-key/v1";

    private CanonicalDocs() {
    }

    /**
     * {@code {"chainId":..,"purpose":"omniphi/link-consensus-key/v1","setupRequestId":..,"walletAddress":..}}: what
     * the consensus key signs to link itself to one setup of one wallet on one chain.
     */
    public static String linkProof(String chainId, String setupRequestId, String walletAddress) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("chainId", chainId);
        doc.put("purpose", LINK_PURPOSE);
        doc.put("setupRequestId", setupRequestId);
        doc.put("walletAddress", walletAddress);
        return CanonicalJson.write(doc);
    }

    /** The seven signed heartbeat fields (docs/heartbeat-protocol.md, "What is signed"). */
    public static String heartbeat(Heartbeat h) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("blockHeight", h.blockHeight());
        doc.put("consensusPubkey", h.consensusPubkey());
        doc.put("localP2pPort", h.localP2pPort());
        doc.put("localRpcPort", h.localRpcPort());
        doc.put("timestamp", h.timestamp());
        doc.put("uptimeSeconds", h.uptimeSeconds());
        doc.put("walletAddress", h.walletAddress());
        return CanonicalJson.write(doc);
    }

    /** One heartbeat's signed fields; {@code timestamp} is the exact RFC 3339 text that is sent and signed. */
    public record Heartbeat(String walletAddress, String consensusPubkey, long blockHeight, long uptimeSeconds,
            int localRpcPort, int localP2pPort, String timestamp) {
    }
}
