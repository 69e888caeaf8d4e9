package network.omniphi.chain.domain.model;

import java.math.BigDecimal;
import java.util.List;

/** What the user should know before signing (issue 8 item 4). */
public record Preflight(String chainId, Coin balance, Coin required, boolean balanceSufficient,
        BigDecimal minCommissionRate, boolean consensusKeyFree, boolean operatorFree, NodeSync nodeSync,
        ActiveSet activeSet, SlashingTolerance slashing, List<String> warnings) {

    public record NodeSync(boolean checked, long nodeHeight, long chainHeight, long lagBlocks, long maxLagBlocks,
            boolean inSync) {
    }

    public record ActiveSet(int maxValidators, int bondedValidators, long seatPricePower, long selfDelegationPower,
            boolean entersActiveSet) {
    }

    public record SlashingTolerance(long signedBlocksWindow, BigDecimal minSignedPerWindow, long maxMissedBlocks,
            long blockTimeMillis, long maxDowntimeSeconds) {
    }
}
