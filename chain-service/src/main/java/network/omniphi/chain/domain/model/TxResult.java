package network.omniphi.chain.domain.model;

/** A tx included in a block (DeliverTx outcome). */
public record TxResult(String txHash, long height, int code, String codespace, String rawLog) {
}
