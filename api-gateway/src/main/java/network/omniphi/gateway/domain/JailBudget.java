package network.omniphi.gateway.domain;

import java.time.Instant;

/**
 * The live x/slashing downtime budget of a setup's validator, read from the chain service on each view (it changes
 * every block): missed blocks in the signed-blocks window, the misses still tolerated (the next one after them jails)
 * in blocks and minutes, when the last jail ends and whether the validator is tombstoned. {@code jailed} is the
 * chain's current flag.
 */
public record JailBudget(boolean jailed, String consensusAddress, long signedBlocksWindow, long maxMissedBlocks,
        long missedBlocks, long missesLeft, long minutesLeft, int usedPercent, Instant jailedUntil,
        boolean tombstoned) {
}
