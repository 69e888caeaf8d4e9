package network.omniphi.chain.domain.model;

/** CheckTx outcome of a SYNC broadcast (code 0 = in the mempool). */
public record BroadcastResult(String txHash, int code, String codespace, long height, String rawLog) {
}
