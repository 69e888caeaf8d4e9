package network.omniphi.gateway.domain;

/** The chain's answer to a broadcast (code 0 = accepted into the mempool; inclusion follows as events). */
public record BroadcastResult(String txHash, int code, long height, String rawLog, String codespace) {
}
