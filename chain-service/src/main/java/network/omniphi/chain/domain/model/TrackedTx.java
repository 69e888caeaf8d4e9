package network.omniphi.chain.domain.model;

/** A broadcast tx waiting for inclusion. */
public record TrackedTx(String txHash, String setupRequestId, String operatorAddress, java.time.Instant submittedAt) {
}
