package network.omniphi.gateway.api.dto;

/** Answer of broadcast: the chain's CheckTx result. */
public record BroadcastJson(String txHash, int code, long height, String rawLog, String codespace) {
}
