package network.omniphi.heartbeat.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import network.omniphi.codec.CanonicalJson;

/**
 * A heartbeat whose fields are well-formed (not yet authenticated). {@code timestampText} is kept exactly as sent
 * because the signature covers that text; {@code timestamp} is its parsed value.
 */
public record SignedHeartbeat(String walletAddress, String consensusPubkey, byte[] consensusKey, long blockHeight,
        long uptimeSeconds, int localRpcPort, int localP2pPort, String timestampText, Instant timestamp,
        byte[] signature) {

    /**
     * The signed bytes: UTF-8 of the canonical JSON ({@link CanonicalJson#write}: keys sorted by code point, no
     * whitespace, integers in plain decimal) of every field but {@code signature}, the timestamp as sent.
     */
    public byte[] canonicalBytes() {
        return CanonicalJson.write(Map.of("blockHeight", blockHeight, "consensusPubkey", consensusPubkey,
                "localP2pPort", localP2pPort, "localRpcPort", localRpcPort, "timestamp", timestampText,
                "uptimeSeconds", uptimeSeconds, "walletAddress", walletAddress)).getBytes(StandardCharsets.UTF_8);
    }
}
