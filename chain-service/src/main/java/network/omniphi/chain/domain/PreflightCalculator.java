package network.omniphi.chain.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.Preflight;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.ValidatorState;

/** Pure computations behind the pre-flight answer. */
public final class PreflightCalculator {

    public static final String IMMUTABLE_RATES_WARNING = "maxRate and maxChangeRate can never be changed after the"
            + " validator is created; the commission rate can only move by at most maxChangeRate per day.";
    public static final String OUTSIDE_ACTIVE_SET_WARNING = "This self-delegation does not enter the active set:"
            + " the validator will be created but not sign blocks until its power exceeds the seat price.";

    private PreflightCalculator() {
    }

    /** SDK x/slashing: jailed once missed > window - round(window x min_signed_per_window). */
    public static Preflight.SlashingTolerance slashing(SlashingParams params, Duration blockTime) {
        long window = params.signedBlocksWindow();
        long minSigned = params.minSignedPerWindow().multiply(BigDecimal.valueOf(window))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        long maxMissed = Math.max(0, window - minSigned);
        long millis = blockTime.toMillis();
        return new Preflight.SlashingTolerance(window, params.minSignedPerWindow(), maxMissed, millis,
                maxMissed * millis / 1000);
    }

    public static Preflight.ActiveSet activeSet(List<ValidatorState> validators, int maxValidators,
            BigInteger powerReduction, BigInteger selfDelegation) {
        List<Long> bonded = validators.stream().filter(v -> v.status() == BondStatus.BONDED)
                .map(v -> v.votingPower(powerReduction)).sorted(Comparator.reverseOrder()).toList();
        boolean full = bonded.size() >= maxValidators;
        long seatPrice = full && !bonded.isEmpty() ? bonded.get(Math.min(bonded.size(), maxValidators) - 1) : 0L;
        long power = selfDelegation.divide(powerReduction).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        boolean enters = power > 0 && (!full || power > seatPrice);
        return new Preflight.ActiveSet(maxValidators, bonded.size(), seatPrice, power, enters);
    }

    public static Preflight.NodeSync nodeSync(Long nodeHeight, long chainHeight, long maxLag) {
        if (nodeHeight == null) {
            return new Preflight.NodeSync(false, 0, chainHeight, 0, maxLag, true);
        }
        long lag = Math.max(0, chainHeight - nodeHeight);
        return new Preflight.NodeSync(true, nodeHeight, chainHeight, lag, maxLag, lag <= maxLag);
    }

    /** Fee = ceil(gas x price) in the gas denom. */
    public static Coin fee(long gas, ChainSettings settings) {
        BigInteger amount = settings.gasPrice().multiply(BigDecimal.valueOf(gas)).setScale(0, RoundingMode.CEILING)
                .toBigIntegerExact();
        return new Coin(settings.gasDenom(), amount);
    }

    /** Gas limit = ceil(simulated x adjustment). */
    public static long gasLimit(long simulated, ChainSettings settings) {
        return settings.gasAdjustment().multiply(BigDecimal.valueOf(simulated)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }
}
