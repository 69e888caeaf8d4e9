package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.AminoDecForm;
import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.Description;
import network.omniphi.chain.domain.model.Preflight;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.StakingParams;
import network.omniphi.chain.domain.model.ValidatorState;

/**
 * Keeper rules checked before a tx is built, as cosmos-sdk v0.50 x/staking/keeper/msg_server.go CreateValidator
 * refuses them (commission below min_commission_rate, bond denom, existing operator or consensus key) plus the
 * balance and node-sync checks, and the fee rule of x/auth/ante/fee.go (fees are paid from spendable coins).
 */
class KeeperRulesTest {

    static final ChainSettings SETTINGS = new ChainSettings(new BigDecimal("1.3"), new BigDecimal("0.025"), "omniphi",
            5, BigInteger.valueOf(1_000_000), Duration.ofSeconds(1), AminoDecForm.DECIMAL, Duration.ofMinutes(5));
    static final StakingParams STAKING = new StakingParams("omniphi", 2, new BigDecimal("0.05"));
    static final SlashingParams SLASHING = new SlashingParams(100, new BigDecimal("0.5"));
    static final ChainHead HEAD = new ChainHead("omniphi-devnet-1", 1000, Instant.EPOCH);

    static CreateValidatorCommand cmd(String denom, String rate, long amount) {
        return new CreateValidatorCommand("s", "omni1wallet", "omnivaloper1op", new byte[33],
                new Description("v", "", "", "", ""),
                new CommissionRates(new BigDecimal(rate), new BigDecimal("0.2"), new BigDecimal("0.01")),
                BigInteger.ONE, new Coin(denom, BigInteger.valueOf(amount)), "CONS", "", SignMode.DIRECT);
    }

    static ValidatorState validator(String operator, String key, long tokens) {
        return new ValidatorState(operator, key, false, BondStatus.BONDED, BigInteger.valueOf(tokens),
                new CommissionRates(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE), "m");
    }

    static ChainFacts facts(Account account, long balance, long spendable, List<ValidatorState> validators,
            Long nodeHeight) {
        return new ChainFacts(HEAD, account, BigInteger.valueOf(balance), BigInteger.valueOf(spendable), STAKING,
                SLASHING, validators, nodeHeight);
    }

    static ChainError refusal(Runnable check) {
        return catchThrowableOfType(ChainException.Refused.class, check::run).error();
    }

    @Test
    void aFundedNewValidatorPassesBeforeSimulation() {
        KeeperRules.beforeSimulation(cmd("omniphi", "0.1", 5_000_000),
                facts(new Account(7, 0), 10_000_000, 10_000_000, List.of(), 998L), SETTINGS);
    }

    @Test
    void eachKeeperRuleHasItsOwnRefusal() {
        var ok = facts(new Account(7, 0), 10_000_000, 10_000_000, List.of(), null);
        assertThat(refusal(() -> KeeperRules.beforeSimulation(cmd("omniphi", "0.1", 1),
                facts(null, 0, 0, List.of(), null), SETTINGS))).isEqualTo(ChainError.ACCOUNT_NOT_FOUND);
        assertThat(refusal(() -> KeeperRules.beforeSimulation(cmd("uatom", "0.1", 1), ok, SETTINGS)))
                .isEqualTo(ChainError.WRONG_DENOM);
        assertThat(refusal(() -> KeeperRules.beforeSimulation(cmd("omniphi", "0.049999999999999999", 1), ok,
                SETTINGS))).isEqualTo(ChainError.COMMISSION_BELOW_MINIMUM);
        assertThat(refusal(() -> KeeperRules.beforeSimulation(cmd("omniphi", "0.1", 1),
                facts(new Account(7, 0), 10, 10, List.of(validator("omnivaloper1op", "X", 1)), null), SETTINGS)))
                .isEqualTo(ChainError.VALIDATOR_EXISTS);
        assertThat(refusal(() -> KeeperRules.beforeSimulation(cmd("omniphi", "0.1", 1),
                facts(new Account(7, 0), 10, 10, List.of(validator("omnivaloper1other", "CONS", 1)), null),
                SETTINGS))).isEqualTo(ChainError.CONSENSUS_KEY_TAKEN);
        assertThat(refusal(() -> KeeperRules.beforeSimulation(cmd("omniphi", "0.1", 10_000_001), ok, SETTINGS)))
                .isEqualTo(ChainError.INSUFFICIENT_BALANCE);
        // the chain is at 1000; 5 blocks of lag are allowed, 6 are not
        assertThat(refusal(() -> KeeperRules.beforeSimulation(cmd("omniphi", "0.1", 1),
                facts(new Account(7, 0), 10, 10, List.of(), 994L), SETTINGS))).isEqualTo(ChainError.NODE_NOT_SYNCED);
        KeeperRules.beforeSimulation(cmd("omniphi", "0.05", 1), facts(new Account(7, 0), 10, 10, List.of(), 995L),
                SETTINGS);
    }

    @Test
    void afterSimulationTheBalanceMustCoverSelfDelegationPlusFee() {
        Coin fee = new Coin("omniphi", BigInteger.valueOf(5000));
        var exact = facts(new Account(7, 0), 5_005_000, 5_005_000, List.of(), null);
        var short1 = facts(new Account(7, 0), 5_004_999, 5_004_999, List.of(), null);

        Preflight p = KeeperRules.afterSimulation(cmd("omniphi", "0.1", 5_000_000), exact, fee, SETTINGS,
                Duration.ofSeconds(2));

        assertThat(p.required()).isEqualTo(new Coin("omniphi", BigInteger.valueOf(5_005_000)));
        assertThat(p.balanceSufficient()).isTrue();
        assertThat(p.chainId()).isEqualTo("omniphi-devnet-1");
        assertThat(p.slashing().maxMissedBlocks()).isEqualTo(50);
        assertThat(p.slashing().maxDowntimeSeconds()).isEqualTo(100);
        assertThat(refusal(() -> KeeperRules.afterSimulation(cmd("omniphi", "0.1", 5_000_000), short1, fee, SETTINGS,
                Duration.ofSeconds(2)))).isEqualTo(ChainError.INSUFFICIENT_BALANCE);
    }

    @Test
    void vestingCoinsMayBeDelegatedButTheFeeComesFromSpendableCoins() {
        Coin fee = new Coin("omniphi", BigInteger.valueOf(5000));
        var vesting = facts(new Account(7, 0), 10_000_000, 4999, List.of(), null);

        var e = catchThrowableOfType(ChainException.Refused.class, () -> KeeperRules.afterSimulation(
                cmd("omniphi", "0.1", 5_000_000), vesting, fee, SETTINGS, Duration.ofSeconds(1)));

        assertThat(e.error()).isEqualTo(ChainError.INSUFFICIENT_BALANCE);
        assertThat(e.getMessage()).contains("spendable");
    }

    @Test
    void aSelfDelegationBelowTheSeatPriceIsWarnedAbout() {
        Coin fee = new Coin("omniphi", BigInteger.ZERO);
        // two seats, both taken by validators of power 5 and 3: 3 is the seat price
        var full = facts(new Account(7, 0), 10_000_000, 10_000_000,
                List.of(validator("a", "A", 5_000_000), validator("b", "B", 3_000_000)), null);

        Preflight below = KeeperRules.afterSimulation(cmd("omniphi", "0.1", 3_000_000), full, fee, SETTINGS,
                Duration.ofSeconds(1));
        Preflight above = KeeperRules.afterSimulation(cmd("omniphi", "0.1", 4_000_000), full, fee, SETTINGS,
                Duration.ofSeconds(1));

        assertThat(below.activeSet().entersActiveSet()).isFalse();
        assertThat(below.warnings()).containsExactly(PreflightCalculator.IMMUTABLE_RATES_WARNING,
                PreflightCalculator.OUTSIDE_ACTIVE_SET_WARNING);
        assertThat(above.activeSet().entersActiveSet()).isTrue();
        assertThat(above.warnings()).containsExactly(PreflightCalculator.IMMUTABLE_RATES_WARNING);
    }
}
