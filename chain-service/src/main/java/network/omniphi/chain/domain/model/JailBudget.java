package network.omniphi.chain.domain.model;

import java.time.Instant;

/**
 * How close a validator is to being jailed for downtime. x/slashing ({@code x/slashing/keeper/infractions.go}
 * HandleValidatorSignature, cosmos-sdk v0.50) jails once {@code missed_blocks_counter > maxMissed}, where
 * {@code maxMissed = window - round(window x min_signed_per_window)}: so {@code missesLeft = maxMissed - missed} more
 * misses are tolerated and the next one jails. {@code usedPercent} = missed / maxMissed x 100 (100 when maxMissed is
 * 0). {@code jailedUntil} is null when the validator was never jailed.
 */
public record JailBudget(String consensusAddress, long signedBlocksWindow, long maxMissedBlocks, long missedBlocks,
        long missesLeft, long secondsLeft, long blockTimeMillis, int usedPercent, Instant jailedUntil,
        boolean tombstoned) {

    public static JailBudget of(SigningInfo info, SlashingParams params, java.time.Duration blockTime) {
        long window = params.signedBlocksWindow();
        long minSigned = params.minSignedPerWindow().multiply(java.math.BigDecimal.valueOf(window))
                .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        long maxMissed = Math.max(0, window - minSigned);
        long missed = Math.max(0, info.missedBlocksCounter());
        long left = Math.max(0, maxMissed - missed);
        long millis = blockTime.toMillis();
        int used = maxMissed == 0 ? 100 : (int) Math.min(100, missed * 100 / maxMissed);
        Instant until = info.jailedUntil() == null || info.jailedUntil().getEpochSecond() <= 0
                ? null
                : info.jailedUntil();
        return new JailBudget(info.consensusAddress(), window, maxMissed, missed, left, left * millis / 1000, millis,
                used, until, info.tombstoned());
    }
}
