package network.omniphi.chain.domain.model;

/** What was built for a setup, kept so that Broadcast can check the signed tx against it. */
public record PreparedTx(String setupRequestId, String walletAddress, byte[] signerPubkey, String chainId,
        long accountNumber, TxMsg msg) {
}
