package network.omniphi.chain.domain.model;

import java.time.Instant;

/**
 * A broadcast tx waiting for inclusion, with what tracking needs when the node keeps no tx index: the signer's
 * account, the sequence the tx uses and its timeout height (0 for txs recorded before these were kept).
 */
public record TrackedTx(String txHash, String setupRequestId, String operatorAddress, Instant submittedAt,
        String walletAddress, long sequence, long timeoutHeight, String kind) {
}
