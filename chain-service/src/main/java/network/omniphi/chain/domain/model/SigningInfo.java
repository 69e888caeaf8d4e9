package network.omniphi.chain.domain.model;

import java.time.Instant;

/**
 * x/slashing {@code ValidatorSigningInfo} (cosmos-sdk v0.50 proto/cosmos/slashing/v1beta1/slashing.proto):
 * {@code jailedUntil} is the epoch when never jailed.
 */
public record SigningInfo(String consensusAddress, long startHeight, long indexOffset, Instant jailedUntil,
        boolean tombstoned, long missedBlocksCounter) {
}
