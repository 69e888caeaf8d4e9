package network.omniphi.gateway.api.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code chainInfo.jailBudget}: the validator's live x/slashing downtime budget. */
@Schema(name = "JailBudget")
public record JailBudgetJson(String consensusAddress, long signedBlocksWindow, long maxMissedBlocks,
        long missedBlocks, long missesLeftBlocks, long missesLeftMinutes, int usedPercent, Instant jailedUntil,
        boolean tombstoned) {
}
