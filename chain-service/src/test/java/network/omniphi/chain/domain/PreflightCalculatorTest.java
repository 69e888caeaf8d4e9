package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import network.omniphi.chain.domain.model.AminoDecForm;
import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.Preflight;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.ValidatorState;

/**
 * Pre-flight arithmetic. Slashing: cosmos-sdk v0.50 x/slashing/keeper/infractions.go ({@code minSignedPerWindow =
 * MinSignedPerWindow.MulInt64(window).RoundInt64()}, jailed once missed &gt; window - minSigned). Power:
 * x/staking/types/validator.go {@code ConsensusPower} = tokens / power reduction. Fee: ceil(gas x gas price) as CosmJS
 * {@code calculateFee} rounds.
 */
class PreflightCalculatorTest {

    static final BigInteger REDUCTION = BigInteger.valueOf(1_000_000);

    static ValidatorState v(BondStatus status, long tokens) {
        return new ValidatorState("op", "k", false, status, BigInteger.valueOf(tokens),
                new CommissionRates(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE), "m");
    }

    @Test
    void slashingToleranceRoundsMinSignedHalfEven() {
        // 0.05 x 10 = 0.5 rounds (half-even) to 0: all 10 blocks may be missed; 0.15 x 10 = 1.5 rounds to 2
        assertThat(PreflightCalculator.slashing(new SlashingParams(10, new BigDecimal("0.05")), Duration.ofSeconds(6))
                .maxMissedBlocks()).isEqualTo(10);
        Preflight.SlashingTolerance t = PreflightCalculator.slashing(new SlashingParams(10, new BigDecimal("0.15")),
                Duration.ofMillis(1500));
        assertThat(t.maxMissedBlocks()).isEqualTo(8);
        assertThat(t.maxDowntimeSeconds()).isEqualTo(12);
        assertThat(PreflightCalculator.slashing(new SlashingParams(100, BigDecimal.ONE), Duration.ofSeconds(1))
                .maxMissedBlocks()).isZero();
    }

    @Test
    void anOpenSeatIsEnteredWithAnyPowerAboveZero() {
        var set = PreflightCalculator.activeSet(List.of(v(BondStatus.BONDED, 9_000_000)), 2, REDUCTION,
                BigInteger.valueOf(1_000_000));
        assertThat(set.entersActiveSet()).isTrue();
        assertThat(set.seatPricePower()).isZero();
        assertThat(PreflightCalculator.activeSet(List.of(), 2, REDUCTION, BigInteger.valueOf(999_999))
                .entersActiveSet()).as("less than one unit of power is no power").isFalse();
    }

    @Test
    void aFullSetIsEnteredOnlyAboveTheLowestBondedPowerAndUnbondedValidatorsDoNotCount() {
        var validators = List.of(v(BondStatus.BONDED, 5_000_000), v(BondStatus.BONDED, 3_000_000),
                v(BondStatus.UNBONDED, 50_000_000));

        var tie = PreflightCalculator.activeSet(validators, 2, REDUCTION, BigInteger.valueOf(3_000_000));
        var above = PreflightCalculator.activeSet(validators, 2, REDUCTION, BigInteger.valueOf(4_000_000));

        assertThat(tie.bondedValidators()).isEqualTo(2);
        assertThat(tie.seatPricePower()).isEqualTo(3);
        assertThat(tie.entersActiveSet()).isFalse();
        assertThat(above.selfDelegationPower()).isEqualTo(4);
        assertThat(above.entersActiveSet()).isTrue();
    }

    @Test
    void nodeSyncAllowsTheConfiguredLagAndAnUncheckedNodeIsInSync() {
        assertThat(PreflightCalculator.nodeSync(95L, 100, 5).inSync()).isTrue();
        assertThat(PreflightCalculator.nodeSync(94L, 100, 5).inSync()).isFalse();
        assertThat(PreflightCalculator.nodeSync(94L, 100, 5).lagBlocks()).isEqualTo(6);
        assertThat(PreflightCalculator.nodeSync(120L, 100, 5).lagBlocks()).isZero();
        Preflight.NodeSync unchecked = PreflightCalculator.nodeSync(null, 100, 5);
        assertThat(unchecked.checked()).isFalse();
        assertThat(unchecked.inSync()).isTrue();
    }

    @Test
    void feeAndGasLimitRoundUp() {
        ChainSettings s = new ChainSettings(new BigDecimal("1.3"), new BigDecimal("0.025"), "omniphi", 5, REDUCTION,
                Duration.ofSeconds(1), AminoDecForm.DECIMAL, Duration.ofMinutes(5));
        assertThat(PreflightCalculator.fee(200_001, s)).isEqualTo(new Coin("omniphi", BigInteger.valueOf(5001)));
        assertThat(PreflightCalculator.fee(200_000, s)).isEqualTo(new Coin("omniphi", BigInteger.valueOf(5000)));
        assertThat(PreflightCalculator.gasLimit(100_001, s)).isEqualTo(130_002);
        assertThat(PreflightCalculator.gasLimit(100_000, s)).isEqualTo(130_000);
    }
}
