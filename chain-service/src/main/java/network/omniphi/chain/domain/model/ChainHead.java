package network.omniphi.chain.domain.model;

import java.time.Instant;

/** The chain's latest block as seen through the gRPC node. */
public record ChainHead(String chainId, long height, Instant time) {
}
